/**
 * Readable fixed UUIDs for generated rows, apart from the demo's (`demoId`: 10000000-…, 20000000-…):
 * the first group says what the id is for, the last its number.
 */
const PREFIX = { unit: '1a000000', member: '2a000000', review: '3a000000', cycle: '4a000000', meeting: '5a000000', residenceLink: '6a000000', residenceComment: '7a000000', task: '8a000000' } as const;

export type GeneratedEntity = keyof typeof PREFIX;

export function genId(entity: GeneratedEntity, n: number): string {
  return `${PREFIX[entity]}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

/** SQL LIKE pattern matching every generated id of one kind (tests and the consistency check select by it). */
export function genIdPattern(entity: GeneratedEntity): string {
  return `${PREFIX[entity]}-%`;
}
