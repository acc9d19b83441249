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
