import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { GraphQLRequestError } from '../graphql.ts';

/**
 * The one form approach: react-hook-form validated by a schema (a module writes it with zod, any
 * Standard Schema works, so this package ships no validator). Fields are checked when they lose
 * focus and again on submit; messages come from the schema, in Vietnamese.
 */
export function useSchemaForm<TValues extends FieldValues>(
  schema: StandardSchemaV1<TValues, TValues>,
  defaultValues: DefaultValues<TValues>,
): UseFormReturn<TValues> {
  return useForm<TValues>({ resolver: standardSchemaResolver(schema), defaultValues, mode: 'onTouched' });
}

/**
 * Puts a server refusal next to what caused it: on the field the server names when the form has it
 * (`fieldFor` maps a server field such as "heldOn" or a list line to a form path), else above the
 * submit button (`root.server`). Returns the message for the caller's own announcement.
 */
export function showServerError<TValues extends FieldValues>(
  form: UseFormReturn<TValues>,
  error: unknown,
  fieldFor: (where: GraphQLRequestError['where']) => Path<TValues> | undefined = (where) => where.field as Path<TValues> | undefined,
): string {
  const message = error instanceof Error ? error.message : String(error);
  const path = error instanceof GraphQLRequestError ? fieldFor(error.where) : undefined;
  // get(), not `in`: a path may name a list line (attendance.2.status).
  if (path && get(form.getValues(), path) !== undefined) form.setError(path, { type: 'server', message }, { shouldFocus: true });
  else form.setError('root.server', { type: 'server', message });
  return message;
}
