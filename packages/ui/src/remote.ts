// Client-side mirror of the gateway's enums; the GraphQL SDL in services/ is the contract.

export const ORG_UNIT_KINDS = [
  'PROVINCE',
  'DISTRICT',
  'GRASSROOTS_COMMITTEE',
  'GRASSROOTS_CELL',
  'CELL',
  'PARTY_GROUP',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const MEMBER_STATUSES = ['CANDIDATE', 'PROBATIONARY', 'OFFICIAL', 'EXEMPT', 'LEFT', 'DECEASED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const GRADES = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
export type Grade = (typeof GRADES)[number];

export interface OrgUnitSummary {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent?: { id: string; name: string } | null;
}

/** What every remote's exposed './App' accepts from the shell (or its own main.tsx). */
export interface RemoteAppProps {
  /** Absolute path the module is mounted under: "/cell" in the shell, "/" standalone. */
  basePath: string;
}

/** Joins a mount path and encoded sub-path segments: joinPath('/', 'x') is '/x', joinPath('/cell', 'x') '/cell/x'. */
export function joinPath(basePath: string, ...segments: string[]): string {
  const base = basePath.replace(/\/+$/, '');
  return [base, ...segments.map(encodeURIComponent)].join('/') || '/';
}
