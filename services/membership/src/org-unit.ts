/**
 * An OrgUnit as membership returns it: a reference the organization subgraph resolves (membership knows
 * only the id). Written here, not taken from generated/resolvers.ts, which maps OrgUnit to this type.
 */
export interface OrgUnitReference {
  __typename: 'OrgUnit';
  id: string;
}

export function unitRef(id: string): OrgUnitReference {
  return { __typename: 'OrgUnit', id };
}

export function optionalUnitRef(id: string | null): OrgUnitReference | null {
  return id ? unitRef(id) : null;
}

/** A cell a member's record names, or null when the organization subgraph would not show it to the caller (a record read through a successor). */
export async function shownUnitRef(context: { unitShown: { load(id: string): Promise<boolean> } }, id: string | null): Promise<OrgUnitReference | null> {
  return id && (await context.unitShown.load(id)) ? unitRef(id) : null;
}
