/** The query in the editor, as the user last typed it: what is saved and what is downloaded. */
export interface CurrentQuery {
  query: string;
  /** The variables editor's text (JSON). */
  variables: string;
  operationName?: string;
}

/** The variables editor's text as an object; blank is none. Throws a Vietnamese message when it is not a JSON object. */
export function parseVariables(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('Phần biến (variables) không phải JSON hợp lệ.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('Phần biến (variables) phải là một đối tượng JSON.');
  return value as Record<string, unknown>;
}
