import { copyResidenceLinks, type BulkResidenceLink } from './residence.ts';
import type { BulkWriter } from '@dangvien/server';
import type { Sex } from '../generated/graphql.ts';

export interface BulkMemberEvent {
  kind: string;
  occurredOn: string;
  decisionNumber: string | null;
  details: Record<string, unknown>;
}

/** A member with the whole recorded history: status is the one the events replay to (history starts with the member, so initial_status is null). */
export interface BulkMember {
  id: string;
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
  ethnicity: string;
  religion: string;
  hometown: string;
  residence: string;
  citizenId: string;
  phone: string;
  educationLevel: string;
  professionalQualification: string | null;
  politicalTheoryLevel: string | null;
  occupation: string;
  workplace: string | null;
  partyCardNumber: string;
  profileNumber: string;
  status: string;
  cellId: string;
  placements: readonly { cellId: string; validFrom: string | null; validTo: string | null }[];
  events: readonly BulkMemberEvent[];
  cards: readonly string[];
  residenceLink: BulkResidenceLink | null;
}

const RECORDED_BY = 'datagen';

/** Members, then what references them: placements, lifecycle events (in date order, so ids keep recording order), party cards, Regulation 213 links. */
export async function copyMembers(writer: BulkWriter, members: readonly BulkMember[]): Promise<void> {
  await writer.copy(
    'member',
    ['id', 'full_name', 'status', 'cell_id', 'sex', 'date_of_birth', 'ethnicity', 'religion', 'hometown', 'residence', 'citizen_id', 'phone',
      'education_level', 'professional_qualification', 'political_theory_level', 'occupation', 'workplace', 'party_card_number', 'profile_number', 'initial_status'],
    members.map((m) => [m.id, m.fullName, m.status, m.cellId, m.sex, m.dateOfBirth, m.ethnicity, m.religion, m.hometown, m.residence, m.citizenId, m.phone,
      m.educationLevel, m.professionalQualification, m.politicalTheoryLevel, m.occupation, m.workplace, m.partyCardNumber, m.profileNumber, null]),
  );
  await writer.copy(
    'member_placement',
    ['member_id', 'cell_id', 'valid_from', 'valid_to', 'operation_id'],
    members.flatMap((m) => m.placements.map((p) => [m.id, p.cellId, p.validFrom, p.validTo, null])),
  );
  await writer.copy(
    'member_event',
    ['member_id', 'kind', 'occurred_on', 'decision_number', 'details', 'recorded_by'],
    members.flatMap((m) => m.events.map((e) => [m.id, e.kind, e.occurredOn, e.decisionNumber, e.details, RECORDED_BY])),
  );
  await writer.copy(
    'member_party_card',
    ['member_id', 'card_number', 'recorded_by'],
    members.flatMap((m) => m.cards.map((card) => [m.id, card, RECORDED_BY])),
  );
  await copyResidenceLinks(writer, members);
}
