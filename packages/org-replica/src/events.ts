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
  /**
   * Members named for other cells than the successor (those still active in the unit go there; the
   * rest go to `successorId`). Absent on events published before destinations existed.
   */
  destinations?: { unitId: string; memberIds: string[] }[];
}

// own-contract: an event payload, versioned with the event feed, not with the GraphQL API.
/** A unit has a new name from `effectiveDate` (its parent is unchanged). */
export interface OrgUnitRenamed {
  id: string;
  name: string;
  /** YYYY-MM-DD: the first day of the new name. */
  effectiveDate: string;
  decisionNumber: string;
}

/** A unit (with its subtree) sits under a new parent from `effectiveDate` (its name is unchanged). */
export interface OrgUnitMoved {
  id: string;
  parentId: string;
  /** YYYY-MM-DD: the first day under the new parent. */
  effectiveDate: string;
  decisionNumber: string;
}

/**
 * Chia tách: a unit ends on `effectiveDate` and its members go to the new units that replace it
 * (published after their OrgUnitCreated, and after the OrgUnitMoved of its sub-units).
 */
export interface OrgUnitSplit {
  id: string;
  /** YYYY-MM-DD: the unit ends and its members move on this date. */
  effectiveDate: string;
  decisionNumber: string;
  /** Each new unit and the members named for it. */
  parts: { unitId: string; memberIds: string[] }[];
  /** The new unit that receives every active member not named in a part. */
  remainingMembersTo: string;
  operationId: string;
  actor: { subject: string; name: string };
}

export const ORG_EVENTS = { created: 'OrgUnitCreated', dissolved: 'OrgUnitDissolved', renamed: 'OrgUnitRenamed', moved: 'OrgUnitMoved', split: 'OrgUnitSplit' } as const;
