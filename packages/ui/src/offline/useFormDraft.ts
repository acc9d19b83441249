import { useEffect, useState } from 'react';
import { useWatch, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { useSchemaForm } from '../forms/useSchemaForm.ts';
import { session } from '../session.ts';

const draftKey = (key: string) => `dangvien:draft:${session.getState().user?.id ?? 'anonymous'}:${key}`;

function readDraft<TValues>(key: string): TValues | undefined {
  try {
    const saved = localStorage.getItem(draftKey(key));
    return saved ? (JSON.parse(saved) as TValues) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * useSchemaForm whose unsent values are kept in localStorage under `key` (per user), so a reload,
 * a closed tab or a dropped network loses nothing: the form opens again with them (`restored` lets
 * the page say so). `clearDraft()` once the change is sent or queued. Render the form only after the
 * data its defaults come from has loaded, so a draft is not overwritten.
 */
export function useDraftForm<TValues extends FieldValues>(
  schema: StandardSchemaV1<TValues, TValues>,
  key: string,
  defaultValues: DefaultValues<TValues>,
): { form: UseFormReturn<TValues>; restored: boolean; clearDraft: () => void } {
  const [saved] = useState(() => readDraft<DefaultValues<TValues>>(key));
  const [restored, setRestored] = useState(saved !== undefined);
  const form = useSchemaForm(schema, saved ? { ...defaultValues, ...saved } : defaultValues);
  const values = useWatch({ control: form.control });
  const dirty = form.formState.isDirty;

  useEffect(() => {
    if (dirty) localStorage.setItem(draftKey(key), JSON.stringify(values));
  }, [dirty, key, values]);

  return {
    form,
    restored,
    clearDraft: () => {
      localStorage.removeItem(draftKey(key));
      setRestored(false);
    },
  };
}

/** Whether a form has a draft kept (e.g. to mark "bản nháp" on a list). */
export function hasDraft(key: string): boolean {
  return readDraft(key) !== undefined;
}

export type { UseFormReturn };
