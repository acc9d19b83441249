import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One Kubernetes object as the YAML has it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface Rendered {
  objects: K8sObject[];
  /** Every kustomization folder rendered, with the files it names (resources and patches). */
  folders: { dir: string; named: string[] }[];
}

/**
 * The subset of Kustomize these files use, rendered here because no kustomize or kubectl binary can be
 * installed on these machines (npm and Debian packages only): `resources` (files and folders with a
 * kustomization.yaml), `namespace`, `images`, `replicas`, `labels` (metadata only) and `patches` by
 * `path` (strategic merge: maps merge, lists of named items merge by name, other lists are replaced —
 * what Kubernetes' strategic merge does for containers, env, ports and volumes). Any other field is
 * refused, so a file this renderer would get wrong fails the test instead of passing unseen;
 * `kubectl kustomize` renders the same files the same way.
 */
const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'replicas', 'labels', 'patches']);

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  patches?: { path?: string; patch?: string; target?: unknown }[];
}

export function readYamlObjects(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
    const value = document.toJS() as K8sObject | null;
    return value ? [value] : [];
  });
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'StorageClass', 'IngressClass']);

export function renderKustomization(dir: string): Rendered {
  const file = path.join(dir, 'kustomization.yaml');
  const [config] = readYamlObjects(file) as unknown as Kustomization[];
  if (!config) throw new Error(`${file} is empty`);
  const unknown = Object.keys(config).filter((key) => !SUPPORTED.has(key));
  if (unknown.length > 0) throw new Error(`${file}: ${unknown.join(', ')} not rendered by deploy/src/render.ts (add it there, or render with kustomize)`);
  const folders: Rendered['folders'] = [{ dir, named: [...(config.resources ?? []), ...(config.patches ?? []).flatMap((patch) => (patch.path ? [patch.path] : []))] }];
  let objects: K8sObject[] = [];
  for (const resource of config.resources ?? []) {
    const target = path.resolve(dir, resource);
    if (!existsSync(target)) throw new Error(`${file}: resource ${resource} does not exist`);
    if (statSync(target).isDirectory()) {
      const inner = renderKustomization(target);
      objects.push(...inner.objects);
      folders.push(...inner.folders);
    } else objects.push(...readYamlObjects(target));
  }
  for (const patch of config.patches ?? []) {
    if (!patch.path || patch.patch || patch.target) throw new Error(`${file}: only patches by path (strategic merge, matched by kind and name) are rendered here`);
    for (const change of readYamlObjects(path.resolve(dir, patch.path))) {
      const index = objects.findIndex((object) => object.kind === change.kind && object.metadata.name === change.metadata.name);
      if (index < 0) throw new Error(`${file}: patch ${patch.path} matches no ${change.kind} ${change.metadata.name}`);
      objects[index] = strategicMerge(objects[index], change) as K8sObject;
    }
  }
  for (const { name, count } of config.replicas ?? []) {
    const target = objects.find((object) => ['Deployment', 'StatefulSet'].includes(object.kind) && object.metadata.name === name);
    if (!target) throw new Error(`${file}: replicas for ${name}, which is not here`);
    (target.spec as { replicas?: number }).replicas = count;
  }
  for (const image of config.images ?? []) {
    for (const container of objects.flatMap(podContainers)) {
      if (container.image.replace(/[:@].*$/, '') !== image.name) continue;
      const tag = /:([^/]+)$/.exec(container.image)?.[1];
      container.image = `${image.newName ?? image.name}${image.newTag ?? tag ? `:${image.newTag ?? tag}` : ''}`;
    }
  }
  for (const label of config.labels ?? []) {
    if (label.includeSelectors) throw new Error(`${file}: labels with includeSelectors are not rendered here`);
    for (const object of objects) {
      object.metadata.labels = { ...object.metadata.labels, ...label.pairs };
      const template = (object.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template;
      if (label.includeTemplates && template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...label.pairs } };
    }
  }
  if (config.namespace) {
    objects = objects.map((object) => (CLUSTER_SCOPED.has(object.kind) ? object : { ...object, metadata: { ...object.metadata, namespace: config.namespace } }));
  }
  return { objects, folders };
}

function strategicMerge(base: unknown, change: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(change)) {
    const named = (items: unknown[]) => items.every((item) => typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string');
    if (!named(base) || !named(change)) return change;
    const merged = base.map((item) => {
      const other = change.find((candidate) => (candidate as { name: string }).name === (item as { name: string }).name);
      return other ? strategicMerge(item, other) : item;
    });
    return [...merged, ...change.filter((item) => !base.some((candidate) => (candidate as { name: string }).name === (item as { name: string }).name))];
  }
  if (typeof base === 'object' && base !== null && typeof change === 'object' && change !== null && !Array.isArray(base) && !Array.isArray(change)) {
    const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(change)) merged[key] = key in merged ? strategicMerge(merged[key], value) : value;
    return merged;
  }
  return change;
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: unknown[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: unknown;
  };
}

export interface Probe {
  httpGet?: { path?: string; port: number | string };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
}

/** The pod template of a Deployment or Job. */
export function podSpec(object: K8sObject): PodSpec | undefined {
  return (object.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
}

export function podContainers(object: K8sObject): Container[] {
  const spec = podSpec(object);
  return spec ? [...(spec.initContainers ?? []), ...spec.containers] : [];
}

/** Every YAML file of a folder (the files a kustomization must name). */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml');
}
