/** The organization subgraph's events about the tree: the contract its consumers rely on. */
export interface OrgUnitCreated {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  /** YYYY-MM-DD, or null when unknown (since always). */
  establishedOn: string | null;
}

export interface OrgUnitDissolved {
  id: string;
  /** Where its active members go. */
  successorId: string;
  /** YYYY-MM-DD: the unit ends and its members move on this date. */
  effectiveDate: string;
  decisionNumber: string;
  /** The organization subgraph's operation this dissolution belongs to. */
  operationId: string;
  actor: { subject: string; name: string };
}

export const ORG_EVENTS = { created: 'OrgUnitCreated', dissolved: 'OrgUnitDissolved' } as const;
