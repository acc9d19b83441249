import type { K8sObject } from './render.ts';

interface Model {
  validate(): void;
}

/**
 * Validates one object against the Kubernetes API schema of its kind with `kubernetes-models` (the
 * OpenAPI schemas of Kubernetes compiled to validators, one class per kind): types, formats, required
 * fields, enums. Like `kubectl apply` without strict field validation, it does not refuse a field the
 * schema does not know.
 */
export async function validateSchema(object: K8sObject): Promise<void> {
  let model: (new (data: K8sObject) => Model) | undefined;
  try {
    const module = (await import(/* @vite-ignore */ `kubernetes-models/${object.apiVersion}/${object.kind}`)) as Record<string, new (data: K8sObject) => Model>;
    model = module[object.kind];
  } catch {
    model = undefined;
  }
  if (!model) throw new Error(`kubernetes-models has no schema for ${object.apiVersion} ${object.kind}`);
  new model(object).validate();
}
