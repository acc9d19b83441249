import type { SubgraphCodegen } from '@dangvien/server';

/**
 * What `pnpm codegen` needs to know of this subgraph beyond its SDL and migrations: the row each
 * GraphQL type's resolvers receive, and the GraphQL enum (or other type) each constrained column holds.
 */
export default {
  mappers: {
    OrgUnit: '../org-unit/org-unit.tables.ts#OrgUnitRow',
    OrgUnitChange: '../org-unit/history.ts#UnitChange',
    Operation: '../operation/operation.tables.ts#OperationRow',
    OperationPart: '../operation/operation.tables.ts#OperationPartRow',
    Restructuring: '../operation/restructuring.ts#RestructuringRecord',
    RestructuringChange: '../operation/restructuring.repository.ts#SubtreeChangeRow',
    CommitteeTerm: '../committee/committee.tables.ts#CommitteeTermRow',
    CommitteePosition: '../committee/committee.tables.ts#PositionRow',
    CommitteeRuleCheck: '../committee/committee-rule.ts#CellRuleCheck',
    Delegation: '../delegation/delegation.tables.ts#DelegationRow',
    SavedQuery: '../saved-query/saved-query.tables.ts#SavedQueryRow',
    Delegate: '../delegation/delegation.tables.ts#DelegateRow',
    DelegateWorkItem: '../delegation/delegation.tables.ts#WorkItemRow',
    DelegateRating: '../delegation/delegation.tables.ts#RatingRow',
    // The unit import reports its problems as the member import does (one type in @dangvien/spreadsheet).
    OrgUnitImportProblem: '@dangvien/spreadsheet#ImportProblem',
    // Organization knows a Member by its id only; the membership subgraph resolves the rest.
    Member: '../member.ts#MemberReference',
  },
  columns: {
    'org_unit.kind': 'OrgUnitKind',
    'org_unit.category': 'OrgUnitCategory | null',
    'org_unit.residential_area': 'ResidentialArea | null',
    // A version starts with one of these; ENDED is the unit's end, recorded on org_unit itself.
    'org_unit_version.change': "'CREATED' | 'RENAMED' | 'MOVED'",
    'operation.status': 'OperationStatus',
    'operation_part.status': 'OperationStatus',
    'committee_position.position': 'PositionKind',
    'delegate.role': 'DelegateRole',
    'delegate_work_item.result': 'WorkItemResult | null',
    'delegate_rating.grade': 'DelegateGrade',
  },
} satisfies SubgraphCodegen;
