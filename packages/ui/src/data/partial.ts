/**
 * A partial answer: the gateway answered with the data it had and, for each subgraph it could not
 * reach in time, nulls there and an error `SUBGRAPH_UNAVAILABLE` naming it (gateway/src/resilience).
 * The data is kept and marked with what is missing, so a page shows what it has and says what is not.
 */
export interface MissingPart {
  /** The subgraph's name (organization, membership, evaluation, or a provincial one). */
  subgraph: string;
  path?: readonly (string | number)[];
}

/** A subgraph not reached in time, or reached but without its database: its part is missing, the rest is good. */
export const PARTIAL_CODES = new Set(['SUBGRAPH_UNAVAILABLE', 'DATABASE_UNAVAILABLE']);

const missingParts = new WeakMap<object, MissingPart[]>();

export function markPartial<T extends object>(data: T, parts: MissingPart[]): T {
  missingParts.set(data, parts);
  return data;
}

/** The parts missing from this answer, or undefined when it is whole. */
export function missingPartsOf(data: unknown): MissingPart[] | undefined {
  return typeof data === 'object' && data !== null ? missingParts.get(data) : undefined;
}

/** The distinct subgraphs missing, in the order the errors named them. */
export function missingSubgraphs(parts: readonly MissingPart[]): string[] {
  return [...new Set(parts.map((part) => part.subgraph))];
}
