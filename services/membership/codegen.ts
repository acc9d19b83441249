import type { SubgraphCodegen } from '@dangvien/server';

/**
 * What `pnpm codegen` needs to know of this subgraph beyond its SDL and migrations: the row each
 * GraphQL type's resolvers receive, and the GraphQL enum (or other type) each constrained column holds.
 */
export default {
  mappers: {
    Member: '../member/member.tables.ts#MemberRow',
    PartyCard: '../member/member.tables.ts#PartyCardRow',
    MemberEvent: '../lifecycle/lifecycle.tables.ts#MemberEventRow',
    // Membership knows an OrgUnit by its id only; the organization subgraph resolves the rest.
    OrgUnit: '../org-unit.ts#OrgUnitReference',
    MemberPlacement: '../placement/placement.tables.ts#PlacementRow',
    MemberTransfer: '../transfer/transfer.tables.ts#TransferRow',
    MemberInspection: '../transfer/transfer.tables.ts#InspectionRow',
    ResidenceLink: '../residence/residence.tables.ts#ResidenceLinkRow',
    ResidenceExemption: '../residence/residence.tables.ts#ResidenceExemptionRow',
    ResidenceMeeting: '../residence/residence.tables.ts#ResidenceMeetingRow',
    ResidenceComment: '../residence/residence.tables.ts#ResidenceCommentRow',
    ResidenceNotice: '../residence/residence.tables.ts#ResidenceNoticeRow',
    DuesRule: '../dues/dues.tables.ts#DuesRuleRow',
    DuesBasis: '../dues/dues.tables.ts#DuesBasisRow',
    DuesPayment: '../dues/dues.tables.ts#DuesPaymentRow',
    MemberImportJob: '../import/import.tables.ts#ImportJobRow',
    MemberDataQuality: '../data-quality/data-quality.repository.ts#DataQualityScope',
    PartyBadgeList: '../badges/badges.repository.ts#BadgeListScope',
    MemberStatistics: '../statistics/statistics.repository.ts#MemberStatisticsFigures',
  },
  columns: {
    'member.status': 'MemberStatus',
    'member.initial_status': 'MemberStatus | null',
    'member.sex': 'Sex | null',
    'member.political_theory_level': 'PoliticalTheoryLevel | null',
    'member_event.kind': 'MemberEventKind',
    // Written only as the GraphQL event details (discipline level, reason); every insert gives it.
    'member_event.details': 'MemberEventDetailsInput',
    'member_placement.kind': 'Generated<PlacementKind>',
    'member_transfer.kind': 'PlacementKind',
    'member_transfer.direction': 'TransferDirection',
    'member_transfer.reason': 'TransferReason',
    'residence_exemption.ground': 'ResidenceExemptionGround',
    'residence_notice.kind': 'ResidenceNoticeKind',
    'residence_notice.direction': 'ResidenceNoticeDirection',
    'member_dues_basis.category': 'DuesCategory',
    'member_dues_basis.wage_region': 'WageRegion | null',
    'regional_minimum_wage.region': 'WageRegion',
    'member_dues_relief.kind': 'DuesReliefKind',
    'dues_payment.channel': 'DuesPaymentChannel',
    'member_import_job.status': 'ImportJobStatus',
    'member_import_job.mode': 'ImportMode',
  },
} satisfies SubgraphCodegen;
