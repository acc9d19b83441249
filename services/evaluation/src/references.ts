// Written here, not taken from generated/resolvers.ts, which maps Member and OrgUnit to these types.

/** A member as evaluation returns one: a reference the membership subgraph resolves (evaluation knows only the id). */
export interface MemberReference {
  __typename: 'Member';
  id: string;
}

/** A unit as evaluation returns one: a reference the organization subgraph resolves. */
export interface OrgUnitReference {
  __typename: 'OrgUnit';
  id: string;
}

export function memberRef(id: string): MemberReference {
  return { __typename: 'Member', id };
}

export function orgUnitRef(id: string): OrgUnitReference {
  return { __typename: 'OrgUnit', id };
}
