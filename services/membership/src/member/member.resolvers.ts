import type { GraphQLResolverMap } from '@apollo/subgraph';
import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES } from '@dangvien/auth';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId } from '@dangvien/server';
import { sql } from 'kysely';
import type { MembershipContext } from '../context.ts';
import { admittedOn, fullYearsBetween, statusOn } from '../lifecycle/lifecycle.ts';
import {
  createMember,
  profileValues,
  recordMemberEvent,
  todayInVietnam,
  toLifecycleEvent,
  updateMemberProfile,
  type CreateMemberInput,
  type MemberEventRow,
  type MemberProfileInput,
  type RecordMemberEventInput,
} from './member-record.ts';
import type { MemberRow } from './member.repository.ts';

/** A sensitive field: its value only for callers whose role may read it over this member's cell. */
const sensitive = (column: 'ethnicity' | 'religion' | 'citizen_id') => async (member: MemberRow, _args: unknown, context: MembershipContext) =>
  (await context.sensitiveReadable.load(member.id)) ? (member[column] ?? null) : null;

async function lifecycleOf(member: MemberRow, context: MembershipContext) {
  const events = (await context.eventsOfMember.load(member.id)).map(toLifecycleEvent);
  return { events, facts: { initialStatus: member.initial_status ?? null, dateOfBirth: member.date_of_birth ?? null } };
}

export const memberResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    member: (_source, args: { id: string }, context) => context.memberById.load(requireId(args.id)),
    possibleDuplicates: async (_source, args: { fullName?: string | null; dateOfBirth?: string | null; citizenId?: string | null }, context) => {
      const values = profileValues({ fullName: args.fullName ?? undefined, dateOfBirth: args.dateOfBirth ?? undefined, citizenId: args.citizenId ?? undefined }, todayInVietnam());
      const byName = values.full_name && values.date_of_birth ? { name: values.full_name, birth: values.date_of_birth } : null;
      const sensitiveScopes = scopesWithRole(context.caller, SENSITIVE_READER_ROLES);
      const byCitizenId = values.citizen_id && sensitiveScopes.length > 0 ? values.citizen_id : null;
      if (!byName && !values.citizen_id) throw new DomainError('BAD_USER_INPUT', 'Nhập họ tên và ngày sinh, hoặc số CCCD.', { field: 'fullName' });
      // Without a role that reads citizen IDs, a search by CCCD alone finds nothing (and says nothing).
      if (!byName && !byCitizenId) return [];
      const rows = await context.db
        .selectFrom('member')
        .selectAll()
        .select([
          sql<boolean>`coalesce(${byCitizenId !== null} AND citizen_id = ${byCitizenId}, false)`.as('same_citizen_id'),
          sql<boolean>`coalesce(lower(full_name) = lower(${byName?.name ?? null}) AND date_of_birth = ${byName?.birth ?? null}::date, false)`.as('same_name'),
        ])
        .where(inReplicaSubtrees('member.cell_id', readableScopes(context.caller)))
        .where(
          sql<boolean>`((${byCitizenId !== null} AND citizen_id = ${byCitizenId} AND ${inReplicaSubtrees('member.cell_id', sensitiveScopes)})
            OR (lower(full_name) = lower(${byName?.name ?? null}) AND date_of_birth = ${byName?.birth ?? null}::date))`,
        )
        .orderBy(sql`given_name COLLATE "vi-x-icu"`)
        .limit(100)
        .execute();
      return rows.map(({ same_citizen_id, same_name, ...member }) => ({
        member,
        reasons: [...(same_citizen_id ? ['SAME_CITIZEN_ID'] : []), ...(same_name ? ['SAME_NAME_AND_BIRTH_DATE'] : [])],
      }));
    },
  },
  Mutation: {
    createMember: (_source, args: { input: CreateMemberInput }, context) => createMember(context.db, context.caller, args.input),
    updateMemberProfile: (_source, args: { id: string; input: MemberProfileInput }, context) => updateMemberProfile(context.db, context.caller, args.id, args.input),
    recordMemberEvent: (_source, args: { input: RecordMemberEventInput }, context) => recordMemberEvent(context.db, context.caller, args.input),
  },
  Member: {
    __resolveReference: (reference: { id: string }, context: MembershipContext) => context.memberById.load(reference.id),
    fullName: (member: MemberRow) => member.full_name,
    cell: (member: MemberRow) => (member.cell_id ? { __typename: 'OrgUnit', id: member.cell_id } : null),
    birthName: (member: MemberRow) => member.birth_name ?? null,
    dateOfBirth: (member: MemberRow) => member.date_of_birth ?? null,
    ethnicity: sensitive('ethnicity'),
    religion: sensitive('religion'),
    citizenId: sensitive('citizen_id'),
    educationLevel: (member: MemberRow) => member.education_level ?? null,
    professionalQualification: (member: MemberRow) => member.professional_qualification ?? null,
    politicalTheoryLevel: (member: MemberRow) => member.political_theory_level ?? null,
    partyCardNumber: (member: MemberRow) => member.party_card_number ?? null,
    profileNumber: (member: MemberRow) => member.profile_number ?? null,
    partyCardHistory: async (member: MemberRow, _args, context: MembershipContext) =>
      (await context.partyCardsOfMember.load(member.id)).map((card) => ({ cardNumber: card.card_number, recordedAt: card.recorded_at.toISOString() })),
    events: (member: MemberRow, _args, context: MembershipContext) => context.eventsOfMember.load(member.id),
    statusOn: async (member: MemberRow, args: { date: string }, context: MembershipContext) => {
      const date = requireDate(args.date, 'date');
      const { events, facts } = await lifecycleOf(member, context);
      return statusOn(events, facts, date);
    },
    admittedOn: async (member: MemberRow, _args, context: MembershipContext) => admittedOn((await lifecycleOf(member, context)).events),
    partyAge: async (member: MemberRow, _args, context: MembershipContext) => {
      const admitted = admittedOn((await lifecycleOf(member, context)).events);
      return admitted ? fullYearsBetween(admitted, todayInVietnam()) : null;
    },
  },
  MemberEvent: {
    id: (event: MemberEventRow) => String(event.id),
    occurredOn: (event: MemberEventRow) => event.occurred_on,
    decisionNumber: (event: MemberEventRow) => event.decision_number,
    disciplineLevel: (event: MemberEventRow) => event.details?.disciplineLevel ?? null,
    reason: (event: MemberEventRow) => event.details?.reason ?? null,
    recordedAt: (event: MemberEventRow) => event.recorded_at.toISOString(),
    recordedBy: (event: MemberEventRow) => event.recorded_by,
  },
};
