import type { GraphQLResolverMap } from '@apollo/subgraph';
import { readableScopes } from '@dangvien/auth';
import { inReplicaSubtrees, subtreeUnitIds } from '@dangvien/org-replica';
import { requireDate, requireId } from '@dangvien/server';
import { sql } from 'kysely';
import type { MembershipContext } from '../context.ts';
import { todayInVietnam } from '../member/member-record.ts';
import type { MemberRow } from '../member/member.repository.ts';
import { withPlacementTables } from '../placement/tables.ts';
import { endMemberInspection, startMemberInspection, type EndInspectionInput, type InspectionRow, type StartInspectionInput } from './inspection.ts';
import { receiveTransferredMember, type ReceiveTransferredMemberInput } from './transfer-in.ts';
import { endTemporaryTransfer, issueTransferLetter, recordTransferLetterPresented, type IssueTransferLetterInput, type TransferRow } from './transfer.ts';

const unitRef = (id: string | null) => (id ? { __typename: 'OrgUnit', id } : null);

export const transferResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    memberTransfers: async (_source, args: { unitId: string; waitingOnly?: boolean | null }, context: MembershipContext) => {
      const unitId = requireId(args.unitId, 'unitId');
      const scopes = readableScopes(context.caller);
      const inScope = await context.db.selectFrom('org_unit_replica').select('id').where('id', '=', unitId).where(inReplicaSubtrees('org_unit_replica.id', scopes)).executeTakeFirst();
      if (!inScope) return [];
      const units = await subtreeUnitIds(context.db, [unitId], todayInVietnam());
      let query = withPlacementTables(context.db)
        .selectFrom('member_transfer')
        .selectAll()
        .where((eb) => eb.or([eb('from_cell_id', 'in', units), eb('to_cell_id', 'in', units)]));
      if (args.waitingOnly) query = query.where('presented_on', 'is', null).where('direction', '!=', 'IN');
      return query.orderBy('letter_issued_on', 'desc').orderBy('id').limit(500).execute();
    },
  },
  Mutation: {
    issueTransferLetter: (_source, args: { input: IssueTransferLetterInput }, context: MembershipContext) => issueTransferLetter(context.db, context.caller, args.input),
    recordTransferLetterPresented: (_source, args: { input: { transferId: string; presentedOn: string } }, context: MembershipContext) =>
      recordTransferLetterPresented(context.db, context.caller, args.input),
    endTemporaryTransfer: (_source, args: { input: { transferId: string; returnedOn: string } }, context: MembershipContext) => endTemporaryTransfer(context.db, context.caller, args.input),
    receiveTransferredMember: (_source, args: { input: ReceiveTransferredMemberInput }, context: MembershipContext) => receiveTransferredMember(context.db, context.caller, args.input),
    startMemberInspection: (_source, args: { input: StartInspectionInput }, context: MembershipContext) => startMemberInspection(context.db, context.caller, args.input),
    endMemberInspection: (_source, args: { input: EndInspectionInput }, context: MembershipContext) => endMemberInspection(context.db, context.caller, args.input),
  },
  Member: {
    placements: async (member: MemberRow, _args, context: MembershipContext) =>
      withPlacementTables(context.db)
        .selectFrom('member_placement')
        .selectAll()
        .where('member_id', '=', member.id)
        .orderBy(sql`valid_from NULLS FIRST`)
        .orderBy('id')
        .execute(),
    cellOn: async (member: MemberRow, args: { date: string }, context: MembershipContext) => {
      const date = requireDate(args.date, 'date');
      const placement = await context.db
        .selectFrom('member_placement')
        .select('cell_id')
        .where('member_id', '=', member.id)
        .where(sql<boolean>`(valid_from IS NULL OR valid_from <= ${date}::date) AND (valid_to IS NULL OR valid_to > ${date}::date)`)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return unitRef(placement?.cell_id ?? null);
    },
    transfers: (member: MemberRow, _args, context: MembershipContext) =>
      withPlacementTables(context.db).selectFrom('member_transfer').selectAll().where('member_id', '=', member.id).orderBy('letter_issued_on').orderBy('recorded_at').execute(),
    inspections: (member: MemberRow, _args, context: MembershipContext) =>
      withPlacementTables(context.db).selectFrom('member_inspection').selectAll().where('member_id', '=', member.id).orderBy('started_on').execute(),
    underInspection: async (member: MemberRow, _args, context: MembershipContext) => {
      const today = todayInVietnam();
      const row = await withPlacementTables(context.db)
        .selectFrom('member_inspection')
        .select('id')
        .where('member_id', '=', member.id)
        .where('started_on', '<=', today)
        .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', today)]))
        .executeTakeFirst();
      return row !== undefined;
    },
  },
  MemberPlacement: {
    cell: (placement: { cell_id: string }) => unitRef(placement.cell_id),
    validFrom: (placement: { valid_from: string | null }) => placement.valid_from,
    validTo: (placement: { valid_to: string | null }) => placement.valid_to,
    transferId: (placement: { transfer_id: string | null }) => placement.transfer_id,
  },
  MemberTransfer: {
    member: (transfer: TransferRow, _args, context: MembershipContext) => context.memberById.load(transfer.member_id),
    memberName: async (transfer: TransferRow, _args, context: MembershipContext) =>
      (await context.db.selectFrom('member').select('full_name').where('id', '=', transfer.member_id).executeTakeFirstOrThrow()).full_name,
    fromCell: (transfer: TransferRow) => unitRef(transfer.from_cell_id),
    toCell: (transfer: TransferRow) => unitRef(transfer.to_cell_id),
    externalOrganization: (transfer: TransferRow) => transfer.external_organization,
    letterNumber: (transfer: TransferRow) => transfer.letter_number,
    letterIssuedOn: (transfer: TransferRow) => transfer.letter_issued_on,
    reportDueOn: (transfer: TransferRow) => transfer.report_due_on,
    presentedOn: (transfer: TransferRow) => transfer.presented_on,
    presentedLate: (transfer: TransferRow) => transfer.presented_on !== null && transfer.presented_on > transfer.report_due_on,
    temporaryUntil: (transfer: TransferRow) => transfer.temporary_until,
    returnedOn: (transfer: TransferRow) => transfer.returned_on,
  },
  MemberInspection: {
    startedOn: (row: InspectionRow) => row.started_on,
    decisionNumber: (row: InspectionRow) => row.decision_number,
    inspectingBody: (row: InspectionRow) => row.inspecting_body,
    endedOn: (row: InspectionRow) => row.ended_on,
    endDecisionNumber: (row: InspectionRow) => row.end_decision_number,
  },
};
