import type { GenMember, GenMemberEvent, MemberStatus } from './model.ts';

/**
 * The status after the events up to the end of `date`, as membership's lifecycle derives it
 * (services/membership/src/lifecycle/lifecycle.ts); the generator only writes histories that replay.
 */
export function statusOn(events: readonly GenMemberEvent[], date: string): MemberStatus | null {
  let status: MemberStatus | null = null;
  let before: MemberStatus | null = null;
  for (const event of events) {
    if (event.occurredOn > date) break;
    switch (event.kind) {
      case 'CANDIDATE': status = 'CANDIDATE'; break;
      case 'ADMITTED': status = 'PROBATIONARY'; break;
      case 'OFFICIAL': status = 'OFFICIAL'; break;
      case 'EXEMPT': before = status; status = 'EXEMPT'; break;
      case 'EXEMPT_ENDED': status = before ?? 'OFFICIAL'; before = null; break;
      case 'DISCIPLINE': if (event.details.disciplineLevel === 'EXPULSION') status = 'LEFT'; break;
      case 'NAME_REMOVED': case 'LEFT': status = 'LEFT'; break;
      case 'DIED': status = 'DECEASED'; break;
      case 'REINSTATED': status = before ?? 'OFFICIAL'; break;
    }
  }
  return status;
}

/** The cell a member does party activity in on `date`, if any. */
export function cellOn(member: GenMember, date: string): string | null {
  for (const placement of member.placements) {
    if ((placement.validFrom === null || placement.validFrom <= date) && (placement.validTo === null || placement.validTo > date)) return placement.cellId;
  }
  return null;
}

export function admissionOf(member: GenMember): string {
  return member.events.find((event) => event.kind === 'ADMITTED')!.occurredOn;
}
