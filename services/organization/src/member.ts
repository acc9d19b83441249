/**
 * A member as organization knows one: by id only (the membership subgraph owns the rest). Committee
 * positions and delegates point at members this way, and the gateway asks membership for the fields.
 */
export interface MemberReference {
  __typename?: 'Member';
  id: string;
}

export function memberReference(id: string): MemberReference {
  return { __typename: 'Member', id };
}
