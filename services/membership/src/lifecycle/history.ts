import { DomainError } from '@dangvien/server';
import type { MemberRow } from '../member/member.tables.ts';
import { LifecycleViolation, replay, type LifecycleEvent, type LifecycleStatus } from './lifecycle.ts';
import type { MemberEventRow } from './lifecycle.tables.ts';

/** A recorded event as the replay reads it (the row id orders the events of one day). */
export function toLifecycleEvent(row: Pick<MemberEventRow, 'id' | 'kind' | 'occurred_on' | 'details'>): LifecycleEvent {
  return { kind: row.kind, occurredOn: row.occurred_on, sequence: Number(row.id), disciplineLevel: row.details.disciplineLevel ?? null };
}

/** Replays a history (with the facts recorded on the member) or refuses it as the clerk's error. */
export function replayOrRefuse(events: LifecycleEvent[], member: Pick<MemberRow, 'initial_status' | 'date_of_birth'>): LifecycleStatus | null {
  try {
    return replay(events, { initialStatus: member.initial_status, dateOfBirth: member.date_of_birth });
  } catch (error) {
    if (error instanceof LifecycleViolation) throw new DomainError(error.code, error.message, { field: error.field });
    throw error;
  }
}
