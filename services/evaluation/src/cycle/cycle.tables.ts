import type { Selectable } from 'kysely';
import type { GradeProposal, MemberReplica, ReviewCycle, SelfReview } from '../generated/tables.ts';

export type ReviewCycleRow = Selectable<ReviewCycle>;
export type SelfReviewRow = Selectable<SelfReview>;
export type GradeProposalRow = Selectable<GradeProposal>;
/** Where a member is today and in what status, as membership last told us. */
export type MemberReplicaRow = Selectable<MemberReplica>;
