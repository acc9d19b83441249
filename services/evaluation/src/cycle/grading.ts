import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { GradeDecisionInput, ProposeGradeInput, SelfReviewInput } from '../generated/graphql.ts';
import type { ReviewRow } from '../review/review.tables.ts';
import { excellentQuota, gradeUnder, periodBounds } from '../rules/rule-set.ts';
import { getRuleSet } from '../rules/rules.repository.ts';
import type { RuleSetRow } from '../rules/rules.tables.ts';
import { requirePercent, requireScore, subtreeOf } from '../scope/scope.ts';
import {
  findMemberReplicas,
  findProposalGrade,
  findProposals,
  findSelfReviewContent,
  gradeCountsOfCycle,
  insertDecisions,
  lockReviewsOfPeriod,
  memberLackingResidenceComment,
  membersDisciplinedBetween,
  upsertProposal,
  upsertReview,
  upsertSelfReview,
} from './cycle.repository.ts';
import type { GradeProposalRow, MemberReplicaRow, ReviewCycleRow, SelfReviewRow } from './cycle.tables.ts';
import { GRADED_STATUSES, lockOpenCycleOfMember, lockWritableCycle, periodLabel } from './review-cycle.ts';

const MAX_DECISIONS = 2000;

/** Optional free text of a decision: null when absent or blank. */
function optionalText(value: string | null | undefined, field: string, label: string, maxLength: number): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : requireText(value, field, label, maxLength);
}

/** Bản tự kiểm điểm: the member's own review, entered by the cell (or above) on the member's behalf. */
export async function submitSelfReview(db: Kysely<EvaluationDatabase>, caller: Caller, input: SelfReviewInput): Promise<SelfReviewRow> {
  const cycleId = requireId(input.cycleId, 'cycleId');
  const memberId = requireId(input.memberId, 'memberId');
  const content = requireText(input.content, 'content', 'nội dung tự kiểm điểm', 20000);
  return db.transaction().execute(async (trx) => {
    const cycle = await lockOpenCycleOfMember(trx, caller, 'submitSelfReview', cycleId, memberId);
    const before = await findSelfReviewContent(trx, cycle.id, memberId);
    const row = await upsertSelfReview(trx, cycle.id, memberId, content);
    await writeAudit(trx, caller, [{ operation: 'submitSelfReview', entityType: 'Member', entityId: memberId, before: before ?? null, after: { cycleId: cycle.id, content } }]);
    return row;
  });
}

/**
 * The cell reviews the member and proposes a grade, computed from the score under the cycle's rule set.
 * Discipline membership recorded (MemberDisciplined) applies whatever `disciplined` says; the flag adds
 * one not recorded there.
 */
export async function proposeGrade(db: Kysely<EvaluationDatabase>, caller: Caller, input: ProposeGradeInput): Promise<GradeProposalRow> {
  const cycleId = requireId(input.cycleId, 'cycleId');
  const memberId = requireId(input.memberId, 'memberId');
  const score = requireScore(input.score);
  const exceeded = requirePercent(input.exceededTaskPercent ?? 0, 'exceededTaskPercent');
  return db.transaction().execute(async (trx) => {
    const cycle = await lockOpenCycleOfMember(trx, caller, 'proposeGrade', cycleId, memberId);
    const ruleSet = await getRuleSet(trx, cycle.rule_set_id);
    const recorded = await disciplinedInPeriod(trx, [memberId], cycle);
    const facts = { score, disciplined: (input.disciplined ?? false) || recorded.has(memberId), allTasksDone: input.allTasksDone ?? false, exceededTaskPercent: exceeded };
    const grade = gradeUnder(ruleSet, facts);
    const before = await findProposalGrade(trx, cycle.id, memberId);
    const row = await upsertProposal(
      trx,
      { cycle_id: cycle.id, member_id: memberId },
      { score, grade, disciplined: facts.disciplined, all_tasks_done: facts.allTasksDone, exceeded_task_percent: exceeded, rule_set_id: ruleSet.id },
    );
    await writeAudit(trx, caller, [{ operation: 'proposeGrade', entityType: 'Member', entityId: memberId, before: before ?? null, after: { cycleId: cycle.id, score, grade, disciplined: facts.disciplined, ruleSet: ruleSet.code } }]);
    return row;
  });
}

/**
 * The grassroots committee decides the grades of a cycle, each computed under the cycle's rule set
 * (whose id each decision keeps), then checks the excellent quota over the whole cycle: all or nothing.
 */
export async function decideGrades(db: Kysely<EvaluationDatabase>, caller: Caller, cycleIdArg: string, decisionsArg: readonly GradeDecisionInput[]): Promise<ReviewRow[]> {
  const cycleId = requireId(cycleIdArg, 'cycleId');
  if (decisionsArg.length === 0 || decisionsArg.length > MAX_DECISIONS) throw new DomainError('BAD_USER_INPUT', `Nhập từ 1 đến ${MAX_DECISIONS} quyết định xếp loại.`, { field: 'decisions' });
  const decisions = decisionsArg.map((decision) => ({
    memberId: requireId(decision.memberId, 'memberId'),
    score: decision.score === null || decision.score === undefined ? undefined : requireScore(decision.score),
    disciplined: decision.disciplined ?? undefined,
    allTasksDone: decision.allTasksDone ?? undefined,
    exceededTaskPercent: decision.exceededTaskPercent === null || decision.exceededTaskPercent === undefined ? undefined : requirePercent(decision.exceededTaskPercent, 'exceededTaskPercent'),
    reason: optionalText(decision.reason, 'reason', 'lý do', 1000),
    decisionNumber: optionalText(decision.decisionNumber, 'decisionNumber', 'số quyết định', 100),
  }));
  const memberIds = decisions.map((decision) => decision.memberId);
  if (new Set(memberIds).size !== memberIds.length) throw new DomainError('BAD_USER_INPUT', 'Một đảng viên được xếp loại hai lần trong cùng một lần quyết định.', { field: 'decisions' });

  return db.transaction().execute(async (trx) => {
    const cycle = await lockWritableCycle(trx, caller, 'decideGrades', cycleId, 'MEMBERS');
    const ruleSet = await getRuleSet(trx, cycle.rule_set_id);
    const members = await membersOfCycle(trx, cycle, memberIds);
    const proposals = new Map((await findProposals(trx, cycle.id, memberIds)).map((row) => [row.member_id, row]));
    const existing = await lockReviewsOfPeriod(trx, memberIds, cycle.year, cycle.period);
    const decidedElsewhere = existing.find((review) => review.cycle_id !== cycle.id);
    if (decidedElsewhere) {
      throw new DomainError('CONFLICT', `Đảng viên đã có kết quả xếp loại ${periodLabel(cycle.year, cycle.period)} ngoài đợt kiểm điểm này.`, { field: 'decisions', memberId: decidedElsewhere.member_id });
    }
    const before = new Map(existing.map((review) => [review.member_id, review]));
    const recordedDiscipline = await disciplinedInPeriod(trx, memberIds, cycle);

    const decided: ReviewRow[] = [];
    for (const decision of decisions) {
      const member = members.get(decision.memberId)!;
      if (!GRADED_STATUSES.includes(member.status)) throw new DomainError('BAD_USER_INPUT', 'Đảng viên này không thuộc diện xếp loại (miễn sinh hoạt hoặc không còn sinh hoạt).', { field: 'decisions', memberId: member.member_id });
      const proposal = proposals.get(decision.memberId);
      const score = decision.score ?? proposal?.score;
      if (score === undefined) throw new DomainError('BAD_USER_INPUT', 'Chưa có điểm: chi bộ chưa đề xuất và quyết định không ghi điểm.', { field: 'decisions', memberId: member.member_id });
      const facts = {
        score,
        disciplined: (decision.disciplined ?? false) || (proposal?.disciplined ?? false) || recordedDiscipline.has(member.member_id),
        allTasksDone: decision.allTasksDone ?? proposal?.all_tasks_done ?? false,
        exceededTaskPercent: decision.exceededTaskPercent ?? proposal?.exceeded_task_percent ?? 0,
      };
      const grade = gradeUnder(ruleSet, facts);
      decided.push(
        await upsertReview(trx, { id: randomUUID(), member_id: member.member_id, year: cycle.year, period: cycle.period, score, grade, cycle_id: cycle.id, rule_set_id: ruleSet.id, disciplined: facts.disciplined }),
      );
    }

    if (ruleSet.residence_comment_required) await requireResidenceComments(trx, memberIds, cycle.year);
    await checkExcellentQuota(trx, cycle.id, ruleSet);
    // Every decision is kept, in order: a re-decision after a reopened cycle adds to the history, the review holds the latest.
    const given = new Map(decisions.map((decision) => [decision.memberId, decision]));
    const decidedBy = `${caller.name} (${caller.subject})`;
    await insertDecisions(
      trx,
      decided.map((review) => ({
        review_id: review.id,
        member_id: review.member_id,
        cycle_id: cycle.id,
        year: review.year,
        period: review.period,
        score: review.score,
        grade: review.grade!,
        disciplined: review.disciplined,
        rule_set_id: ruleSet.id,
        reason: given.get(review.member_id)!.reason,
        decision_number: given.get(review.member_id)!.decisionNumber,
        decided_by: decidedBy,
      })),
    );
    await writeAudit(
      trx,
      caller,
      decided.map((review) => {
        const previous = before.get(review.member_id);
        return {
          operation: 'decideGrades',
          entityType: 'Member',
          entityId: review.member_id,
          before: previous ? { score: previous.score, grade: previous.grade } : null,
          after: { cycleId: cycle.id, reviewId: review.id, year: review.year, period: review.period, score: review.score, grade: review.grade, disciplined: review.disciplined, ruleSet: ruleSet.code },
        };
      }),
    );
    return decided;
  });
}

/**
 * Members with a discipline recorded by membership (MemberDisciplined) from the start of the cycle's
 * year to the end of its period: a member disciplined in the year is graded no higher than NOT_COMPLETED.
 */
function disciplinedInPeriod(trx: Transaction<EvaluationDatabase>, memberIds: readonly string[], cycle: ReviewCycleRow): Promise<Set<string>> {
  return membersDisciplinedBetween(trx, memberIds, `${cycle.year}-01-01`, periodBounds(cycle.year, cycle.period).end);
}

/** Regulation 213: a working member's grade is final only with the residence's comment for the year. */
async function requireResidenceComments(trx: Transaction<EvaluationDatabase>, memberIds: readonly string[], year: number): Promise<void> {
  const memberId = await memberLackingResidenceComment(trx, memberIds, year);
  if (memberId) {
    throw new DomainError('CONFLICT', `Đảng viên đang công tác chưa có nhận xét của chi bộ nơi cư trú năm ${year} (Quy định 213): chưa thể quyết định xếp loại.`, { field: 'decisions', memberId });
  }
}

/** Excellent grades in the cycle (one grassroots organization) may not exceed the rule set's share of good grades. */
async function checkExcellentQuota(trx: Transaction<EvaluationDatabase>, cycleId: string, ruleSet: RuleSetRow): Promise<void> {
  const count = await gradeCountsOfCycle(trx, cycleId);
  const excellent = count('EXCELLENT');
  const good = count('GOOD');
  const allowed = excellentQuota(ruleSet, good);
  if (excellent > allowed) {
    throw new DomainError(
      'CONFLICT',
      `Số đảng viên xếp loại xuất sắc (${excellent}) vượt ${ruleSet.excellent_quota_percent}% số xếp loại tốt (${good}): tối đa ${allowed}.`,
      { field: 'decisions', excellent, good, allowed, ruleSet: ruleSet.code },
    );
  }
}

/** The members placed (today) in the cycle's organization, by id; any other id is NOT_FOUND. */
async function membersOfCycle(trx: Transaction<EvaluationDatabase>, cycle: ReviewCycleRow, memberIds: readonly string[]): Promise<Map<string, MemberReplicaRow>> {
  const units = await subtreeOf(trx, [cycle.unit_id]);
  const rows = await findMemberReplicas(trx, memberIds);
  const members = new Map(rows.filter((row) => row.cell_id !== null && units.includes(row.cell_id)).map((row) => [row.member_id, row]));
  const missing = memberIds.find((id) => !members.has(id));
  if (missing) throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên trong tổ chức cơ sở của đợt kiểm điểm.', { field: 'memberId', memberId: missing });
  return members;
}
