import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES } from '@dangvien/auth';
import { DomainError, requireId } from '@dangvien/server';
import type { MembershipContext } from '../context.ts';
import type { DuplicateReason } from '../generated/graphql.ts';
import type { MemberResolvers, Resolvers } from '../generated/resolvers.ts';
import { shownUnitRef } from '../org-unit.ts';
import { todayInVietnam } from '@dangvien/db';
import { createMember, updateMemberProfile } from './member-record.ts';
import { profileValues } from './member-profile.ts';
import { findPossibleDuplicates } from './member.repository.ts';
import type { MemberRow } from './member.tables.ts';

const SENSITIVE_FIELD = { ethnicity: 'ethnicity', religion: 'religion', citizen_id: 'citizenId' } as const;

/**
 * A sensitive field: its value only for callers whose role may read it over this member's cell; each
 * value served is noted for the processing log (sensitive-read/), written once per request and member.
 */
const sensitive =
  (column: 'ethnicity' | 'religion' | 'citizen_id'): MemberResolvers['ethnicity'] =>
  async (member: MemberRow, _args: unknown, context: MembershipContext) => {
    if (!(await context.sensitiveReadable.load(member.id))) return null;
    context.sensitiveReads.record(member.id, SENSITIVE_FIELD[column]);
    return member[column];
  };

export const memberResolvers: Resolvers = {
  Query: {
    member: (_source, args, context) => context.memberById.load(requireId(args.id)),
    possibleDuplicates: async (_source, args, context) => {
      const values = profileValues({ fullName: args.fullName ?? undefined, dateOfBirth: args.dateOfBirth ?? undefined, citizenId: args.citizenId ?? undefined }, todayInVietnam());
      const byName = values.full_name && values.date_of_birth ? { name: values.full_name, birth: values.date_of_birth } : null;
      const sensitiveScopes = scopesWithRole(context.caller, SENSITIVE_READER_ROLES);
      const byCitizenId = values.citizen_id && sensitiveScopes.length > 0 ? values.citizen_id : null;
      if (!byName && !values.citizen_id) throw new DomainError('BAD_USER_INPUT', 'Nhập họ tên và ngày sinh, hoặc số CCCD.', { field: 'fullName' });
      // Without a role that reads citizen IDs, a search by CCCD alone finds nothing (and says nothing).
      if (!byName && !byCitizenId) return [];
      const rows = await findPossibleDuplicates(context.db, readableScopes(context.caller), sensitiveScopes, byCitizenId, byName);
      // A match by CCCD tells the caller whose number it is: a read of that member's CCCD.
      for (const row of rows) if (row.same_citizen_id) context.sensitiveReads.record(row.id, 'citizenId');
      return rows.map(({ same_citizen_id, same_name, ...member }) => ({
        member,
        reasons: [...(same_citizen_id ? ['SAME_CITIZEN_ID' as const] : []), ...(same_name ? ['SAME_NAME_AND_BIRTH_DATE' as const] : [])] satisfies DuplicateReason[],
      }));
    },
  },
  Mutation: {
    createMember: (_source, args, context) => createMember(context.db, context.caller, args.input),
    updateMemberProfile: (_source, args, context) => updateMemberProfile(context.db, context.caller, args.id, args.input),
  },
  Member: {
    __resolveReference: (reference, context) => context.memberById.load(reference.id),
    fullName: (member) => member.full_name,
    cell: (member, _args, context) => shownUnitRef(context, member.cell_id),
    birthName: (member) => member.birth_name,
    dateOfBirth: (member) => member.date_of_birth,
    ethnicity: sensitive('ethnicity'),
    religion: sensitive('religion'),
    citizenId: sensitive('citizen_id'),
    educationLevel: (member) => member.education_level,
    professionalQualification: (member) => member.professional_qualification,
    politicalTheoryLevel: (member) => member.political_theory_level,
    partyCardNumber: (member) => member.party_card_number,
    profileNumber: (member) => member.profile_number,
    partyCardHistory: (member, _args, context) => context.partyCardsOfMember.load(member.id),
  },
  PartyCard: {
    cardNumber: (card) => card.card_number,
    recordedAt: (card) => card.recorded_at.toISOString(),
  },
};
