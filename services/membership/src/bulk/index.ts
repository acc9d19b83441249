import { migrations } from '../migrations/index.ts';
import { copyMembers, type BulkMember } from './members.ts';
import { copyOrgReplica, ORG_REPLICA_DIGEST, type BulkReplicaUnit } from '@dangvien/org-replica';
import { auditBulkLoad, type BulkWriter } from '@dangvien/server';

export type { BulkMember, BulkMemberEvent } from './members.ts';
export type { BulkResidenceLink } from './residence.ts';
export type { BulkReplicaUnit } from '@dangvien/org-replica';
// The demo data set is seeded through the same insert as any member recorded without a history.
export { insertMembers, type NewMember } from '../member/member.repository.ts';
export type { MembershipDatabase } from '../database.ts';

/**
 * The membership subgraph's bulk path: its replica of the tree (as organization's events would have
 * built it), then members with placements, lifecycle events and cards, with COPY. No MemberPlaced
 * events: evaluation's bulk path loads its member replica directly (docs/data.md).
 */
export const membershipBulk = {
  subgraph: 'membership' as const,
  migrations,
  async loadChunk(writer: BulkWriter, chunk: { units: readonly BulkReplicaUnit[]; members: readonly BulkMember[] }): Promise<void> {
    await copyOrgReplica(writer, chunk.units);
    await copyMembers(writer, chunk.members);
  },
  finish: auditBulkLoad,
  digestQueries: (unitPattern: string, memberPattern: string): string[] => [
    ORG_REPLICA_DIGEST(unitPattern),
    `SELECT id, full_name, status, cell_id, sex, date_of_birth, ethnicity, religion, hometown, residence, citizen_id, phone, education_level,
       professional_qualification, political_theory_level, occupation, workplace, party_card_number, profile_number, initial_status
     FROM member WHERE id::text LIKE '${memberPattern}' ORDER BY id`,
    `SELECT member_id, cell_id, valid_from, valid_to FROM member_placement WHERE member_id::text LIKE '${memberPattern}' ORDER BY member_id, valid_from NULLS FIRST`,
    `SELECT member_id, kind, occurred_on, decision_number, details, recorded_by FROM member_event WHERE member_id::text LIKE '${memberPattern}' ORDER BY member_id, id`,
    `SELECT member_id, card_number FROM member_party_card WHERE member_id::text LIKE '${memberPattern}' ORDER BY member_id, id`,
    `SELECT id, member_id, ward_id, residence_cell_id, valid_from FROM residence_link WHERE member_id::text LIKE '${memberPattern}'`,
    `SELECT id, member_id, year, residence_cell_id, comment, front_committee_opinion, recorded_on, delivered_on FROM residence_comment WHERE member_id::text LIKE '${memberPattern}'`,
  ],
};
