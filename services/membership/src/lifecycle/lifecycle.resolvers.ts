import { requireDate } from '@dangvien/server';
import type { MembershipContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { todayInVietnam } from '@dangvien/db';
import { toLifecycleEvent } from './history.ts';
import { admittedOn, fullYearsBetween, statusOn } from './lifecycle.ts';
import { annulMemberEvent } from './annul-event.ts';
import { recordMemberEvent } from './record-event.ts';

async function lifecycleOf(member: MemberRow, context: MembershipContext) {
  // Annulled events stay in the history shown, but no status follows from them.
  const events = (await context.eventsOfMember.load(member.id)).filter((event) => event.annulled_at === null).map(toLifecycleEvent);
  return { events, facts: { initialStatus: member.initial_status, dateOfBirth: member.date_of_birth } };
}

export const lifecycleResolvers: Resolvers = {
  Mutation: {
    recordMemberEvent: (_source, args, context) => recordMemberEvent(context.db, context.caller, args.input),
    annulMemberEvent: (_source, args, context) => annulMemberEvent(context.db, context.caller, args.input),
  },
  Member: {
    events: (member, _args, context) => context.eventsOfMember.load(member.id),
    statusOn: async (member, args, context) => {
      const date = requireDate(args.date, 'date');
      const { events, facts } = await lifecycleOf(member, context);
      return statusOn(events, facts, date);
    },
    admittedOn: async (member, _args, context) => admittedOn((await lifecycleOf(member, context)).events),
    partyAge: async (member, _args, context) => {
      const admitted = admittedOn((await lifecycleOf(member, context)).events);
      return admitted ? fullYearsBetween(admitted, todayInVietnam()) : null;
    },
  },
  MemberEvent: {
    id: (event) => String(event.id),
    occurredOn: (event) => event.occurred_on,
    decisionNumber: (event) => event.decision_number,
    disciplineLevel: (event) => event.details.disciplineLevel ?? null,
    reason: (event) => event.details.reason ?? null,
    recordedAt: (event) => event.recorded_at.toISOString(),
    recordedBy: (event) => event.recorded_by,
    annulled: (event) => event.annulled_at !== null,
    annulledAt: (event) => event.annulled_at?.toISOString() ?? null,
    annulledBy: (event) => event.annulled_by,
    annulReason: (event) => event.annulled_reason,
  },
};
