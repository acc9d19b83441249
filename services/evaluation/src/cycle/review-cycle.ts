import { randomUUID } from 'node:crypto';
import { readableScopes, type Caller, type MutationName } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import { unitsWithinScopes } from '@dangvien/org-replica';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CycleSubject, EvaluationDatabase, Grade, MemberReplicaTable, ReviewCycleTable, ReviewPeriod } from '../database.ts';
import type { ReviewRow } from '../review/review.repository.ts';
import { lacksResidenceComment } from '../residence/residence-comment.ts';
import { excellentQuota, gradeUnder, periodBounds, ruleSetForPeriod, type RuleSetRow } from '../rules/rule-set.ts';
import { ancestorsOf, mutationScopes, subtreeOf, requirePercent, requireScore, requireWritableUnit, requireYear, unitInSubtrees } from '../scope/scope.ts';

export type ReviewCycleRow = Selectable<ReviewCycleTable>;

/** Members who are graded: those who take part in party life (not exempt, not gone). */
export const GRADED_STATUSES = ['OFFICIAL', 'PROBATIONARY'];
const GRASSROOTS_KINDS = ['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'];
/** Units that grade organizations under them: a grassroots committee its cells, a district or province its grassroots organizations. */
const ORGANIZATION_GRADING_KINDS = ['GRASSROOTS_COMMITTEE', 'DISTRICT', 'PROVINCE'];
const MAX_DECISIONS = 2000;

export interface OpenReviewCycleInput {
  unitId: string;
  year: number;
  period: ReviewPeriod;
  closesOn: string;
  /** MEMBERS (default) or ORGANIZATIONS: the organizations directly under the unit. */
  subject?: CycleSubject | null;
}

/** Opens a review cycle of a grassroots organization; the rule set valid for the period is fixed now. */
export async function openReviewCycle(db: Kysely<EvaluationDatabase>, caller: Caller, input: OpenReviewCycleInput): Promise<ReviewCycleRow> {
  const unitId = requireId(input.unitId, 'unitId');
  const year = requireYear(input.year);
  const closesOn = requireDate(input.closesOn, 'closesOn');
  const period = input.period;
  const subject = input.subject ?? 'MEMBERS';
  return db.transaction().execute(async (trx) => {
    await requireWritableUnit(trx, caller, 'openReviewCycle', unitId, 'Không tìm thấy đơn vị.');
    const unit = await trx.selectFrom('org_unit_replica').select(['kind', 'name']).where('id', '=', unitId).where('valid_to', 'is', null).executeTakeFirst();
    if (subject === 'MEMBERS' && (!unit || !GRASSROOTS_KINDS.includes(unit.kind))) {
      throw new DomainError('BAD_USER_INPUT', 'Đợt kiểm điểm chỉ mở ở tổ chức cơ sở đảng (đảng bộ cơ sở hoặc chi bộ cơ sở).', { field: 'unitId' });
    }
    if (subject === 'ORGANIZATIONS' && (!unit || !ORGANIZATION_GRADING_KINDS.includes(unit.kind))) {
      throw new DomainError('BAD_USER_INPUT', 'Đợt xếp loại tổ chức đảng chỉ mở ở cấp trên trực tiếp: đảng bộ cơ sở (xếp loại chi bộ), huyện hoặc tỉnh (xếp loại tổ chức cơ sở đảng).', { field: 'unitId' });
    }
    const existing = await trx.selectFrom('review_cycle').select('id').where('unit_id', '=', unitId).where('year', '=', year).where('period', '=', period).where('subject', '=', subject).executeTakeFirst();
    if (existing) throw new DomainError('CONFLICT', `${unit!.name} đã có đợt ${subject === 'MEMBERS' ? 'kiểm điểm' : 'xếp loại tổ chức đảng'} ${periodLabel(year, period)}.`, { field: 'period' });
    const ruleSet = await ruleSetForPeriod(trx, year, period);
    const cycle = await trx
      .insertInto('review_cycle')
      .values({ id: randomUUID(), unit_id: unitId, year, period, closes_on: closesOn, rule_set_id: ruleSet.id, subject })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'openReviewCycle', entityType: 'ReviewCycle', entityId: cycle.id, before: null, after: { unitId, year, period, closesOn, subject, ruleSet: ruleSet.code } }]);
    return cycle;
  });
}

/** Closes a cycle: nothing more may be proposed or decided in it. */
export async function closeReviewCycle(db: Kysely<EvaluationDatabase>, caller: Caller, id: string): Promise<ReviewCycleRow> {
  const cycleId = requireId(id, 'id');
  return db.transaction().execute(async (trx) => {
    const cycle = await lockWritableCycle(trx, caller, 'closeReviewCycle', cycleId, null);
    const closed = await trx.updateTable('review_cycle').set({ status: 'CLOSED' }).where('id', '=', cycle.id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'closeReviewCycle', entityType: 'ReviewCycle', entityId: cycle.id, before: { status: 'OPEN' }, after: { status: 'CLOSED' } }]);
    return closed;
  });
}

export interface SelfReviewInput {
  cycleId: string;
  memberId: string;
  content: string;
}

/** Bản tự kiểm điểm: the member's own review, entered by the cell (or above) on the member's behalf. */
export async function submitSelfReview(db: Kysely<EvaluationDatabase>, caller: Caller, input: SelfReviewInput) {
  const cycleId = requireId(input.cycleId, 'cycleId');
  const memberId = requireId(input.memberId, 'memberId');
  const content = requireText(input.content, 'content', 'nội dung tự kiểm điểm', 20000);
  return db.transaction().execute(async (trx) => {
    const cycle = await lockOpenCycleOfMember(trx, caller, 'submitSelfReview', cycleId, memberId);
    const before = await trx.selectFrom('self_review').select('content').where('cycle_id', '=', cycle.id).where('member_id', '=', memberId).executeTakeFirst();
    const row = await trx
      .insertInto('self_review')
      .values({ cycle_id: cycle.id, member_id: memberId, content })
      .onConflict((oc) => oc.columns(['cycle_id', 'member_id']).doUpdateSet({ content, submitted_at: sql`now()` as never }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'submitSelfReview', entityType: 'Member', entityId: memberId, before: before ?? null, after: { cycleId: cycle.id, content } }]);
    return row;
  });
}

export interface ProposeGradeInput {
  memberId: string;
  cycleId: string;
  score: number;
  /**
   * Disciplined in the year (graded no higher than NOT_COMPLETED). Discipline membership recorded
   * (MemberDisciplined) applies whatever this says; the flag adds one not recorded there.
   */
  disciplined?: boolean | null;
  allTasksDone?: boolean | null;
  exceededTaskPercent?: number | null;
}

/** The cell reviews the member and proposes a grade, computed from the score under the cycle's rule set. */
export async function proposeGrade(db: Kysely<EvaluationDatabase>, caller: Caller, input: ProposeGradeInput) {
  const cycleId = requireId(input.cycleId, 'cycleId');
  const memberId = requireId(input.memberId, 'memberId');
  const score = requireScore(input.score);
  const exceeded = requirePercent(input.exceededTaskPercent ?? 0, 'exceededTaskPercent');
  return db.transaction().execute(async (trx) => {
    const cycle = await lockOpenCycleOfMember(trx, caller, 'proposeGrade', cycleId, memberId);
    const ruleSet = await trx.selectFrom('rule_set').selectAll().where('id', '=', cycle.rule_set_id).executeTakeFirstOrThrow();
    const recorded = await disciplinedInPeriod(trx, [memberId], cycle);
    const facts = { score, disciplined: (input.disciplined ?? false) || recorded.has(memberId), allTasksDone: input.allTasksDone ?? false, exceededTaskPercent: exceeded };
    const grade = gradeUnder(ruleSet, facts);
    const before = await trx.selectFrom('grade_proposal').select(['score', 'grade', 'disciplined']).where('cycle_id', '=', cycle.id).where('member_id', '=', memberId).executeTakeFirst();
    const values = { score, grade, disciplined: facts.disciplined, all_tasks_done: facts.allTasksDone, exceeded_task_percent: exceeded, rule_set_id: ruleSet.id };
    const row = await trx
      .insertInto('grade_proposal')
      .values({ cycle_id: cycle.id, member_id: memberId, ...values })
      .onConflict((oc) => oc.columns(['cycle_id', 'member_id']).doUpdateSet({ ...values, proposed_at: sql`now()` as never }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'proposeGrade', entityType: 'Member', entityId: memberId, before: before ?? null, after: { cycleId: cycle.id, score, grade, disciplined: facts.disciplined, ruleSet: ruleSet.code } }]);
    return row;
  });
}

export interface GradeDecisionInput {
  memberId: string;
  /** Defaults to the cell's proposal. */
  score?: number | null;
  /** Disciplined in the year; the proposal's flag counts too. */
  disciplined?: boolean | null;
  allTasksDone?: boolean | null;
  exceededTaskPercent?: number | null;
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
  }));
  const memberIds = decisions.map((decision) => decision.memberId);
  if (new Set(memberIds).size !== memberIds.length) throw new DomainError('BAD_USER_INPUT', 'Một đảng viên được xếp loại hai lần trong cùng một lần quyết định.', { field: 'decisions' });

  return db.transaction().execute(async (trx) => {
    const cycle = await lockWritableCycle(trx, caller, 'decideGrades', cycleId, 'MEMBERS');
    const ruleSet = await trx.selectFrom('rule_set').selectAll().where('id', '=', cycle.rule_set_id).executeTakeFirstOrThrow();
    const members = await membersOfCycle(trx, cycle, memberIds);
    const proposals = new Map((await trx.selectFrom('grade_proposal').selectAll().where('cycle_id', '=', cycle.id).where('member_id', 'in', memberIds).execute()).map((row) => [row.member_id, row]));
    const existing = await sql<ReviewRow>`SELECT * FROM review WHERE member_id = ANY(${memberIds}::uuid[]) AND year = ${cycle.year} AND period = ${cycle.period} FOR UPDATE`.execute(trx).then((result) => result.rows);
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
      const grade: Grade = gradeUnder(ruleSet, facts);
      const values = { score, grade, cycle_id: cycle.id, rule_set_id: ruleSet.id, disciplined: facts.disciplined };
      const row = await trx
        .insertInto('review')
        .values({ id: randomUUID(), member_id: member.member_id, year: cycle.year, period: cycle.period, ...values })
        .onConflict((oc) => oc.constraint('review_member_year_unique').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      decided.push(row);
    }

    if (ruleSet.residence_comment_required) await requireResidenceComments(trx, memberIds, cycle.year);
    await checkExcellentQuota(trx, cycle.id, ruleSet);
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
async function disciplinedInPeriod(trx: Transaction<EvaluationDatabase>, memberIds: readonly string[], cycle: ReviewCycleRow): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const { end } = periodBounds(cycle.year, cycle.period);
  const rows = await trx
    .selectFrom('member_discipline')
    .select('member_id')
    .where('member_id', 'in', [...memberIds])
    .where('effective_date', '>=', `${cycle.year}-01-01`)
    .where('effective_date', '<=', end)
    .execute();
  return new Set(rows.map((row) => row.member_id));
}

/** Regulation 213: a working member's grade is final only with the residence's comment for the year. */
async function requireResidenceComments(trx: Transaction<EvaluationDatabase>, memberIds: readonly string[], year: number): Promise<void> {
  const missing = await sql<{ member_id: string }>`
    SELECT member_id FROM unnest(${[...memberIds]}::uuid[]) AS decided (member_id)
    WHERE ${lacksResidenceComment('decided.member_id', year)} LIMIT 1`.execute(trx);
  const memberId = missing.rows[0]?.member_id;
  if (memberId) {
    throw new DomainError('CONFLICT', `Đảng viên đang công tác chưa có nhận xét của chi bộ nơi cư trú năm ${year} (Quy định 213): chưa thể quyết định xếp loại.`, { field: 'decisions', memberId });
  }
}

/** Excellent grades in the cycle (one grassroots organization) may not exceed the rule set's share of good grades. */
async function checkExcellentQuota(trx: Transaction<EvaluationDatabase>, cycleId: string, ruleSet: RuleSetRow): Promise<void> {
  const counts = await trx
    .selectFrom('review')
    .select(['grade', (eb) => eb.fn.countAll<string>().as('n')])
    .where('cycle_id', '=', cycleId)
    .groupBy('grade')
    .execute();
  const count = (grade: Grade) => Number(counts.find((row) => row.grade === grade)?.n ?? 0);
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
async function membersOfCycle(trx: Transaction<EvaluationDatabase>, cycle: ReviewCycleRow, memberIds: readonly string[]): Promise<Map<string, Selectable<MemberReplicaTable>>> {
  const units = await subtreeOf(trx, [cycle.unit_id]);
  const rows = await trx.selectFrom('member_replica').selectAll().where('member_id', 'in', [...memberIds]).execute();
  const members = new Map(rows.filter((row) => row.cell_id !== null && units.includes(row.cell_id)).map((row) => [row.member_id, row]));
  const missing = memberIds.find((id) => !members.has(id));
  if (missing) throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên trong tổ chức cơ sở của đợt kiểm điểm.', { field: 'memberId', memberId: missing });
  return members;
}

async function lockCycle(trx: Transaction<EvaluationDatabase>, cycleId: string): Promise<ReviewCycleRow | undefined> {
  return sql<ReviewCycleRow>`SELECT * FROM review_cycle WHERE id = ${cycleId} FOR UPDATE`.execute(trx).then((result) => result.rows[0]);
}

/** An open cycle (grading `subject`, or any when null) whose unit the caller may write with `mutation`'s roles. */
export async function lockWritableCycle(trx: Transaction<EvaluationDatabase>, caller: Caller, mutation: MutationName, cycleId: string, subject: CycleSubject | null): Promise<ReviewCycleRow> {
  const cycle = await lockCycle(trx, cycleId);
  if (!cycle) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kiểm điểm.');
  await requireWritableUnit(trx, caller, mutation, cycle.unit_id, 'Không tìm thấy đợt kiểm điểm.');
  requireSubject(cycle, subject);
  if (cycle.status === 'CLOSED') throw new DomainError('CONFLICT', `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} đã khóa.`, { field: 'cycleId' });
  return cycle;
}

function requireSubject(cycle: ReviewCycleRow, subject: CycleSubject | null): void {
  if (subject === null || cycle.subject === subject) return;
  throw new DomainError(
    'BAD_USER_INPUT',
    subject === 'MEMBERS' ? 'Đợt này xếp loại tổ chức đảng, không xếp loại đảng viên.' : 'Đợt này kiểm điểm đảng viên, không xếp loại tổ chức đảng.',
    { field: 'cycleId' },
  );
}

/** An open cycle, and a graded member of its organization whose cell the caller may write with `mutation`'s roles. */
async function lockOpenCycleOfMember(trx: Transaction<EvaluationDatabase>, caller: Caller, mutation: MutationName, cycleId: string, memberId: string): Promise<ReviewCycleRow> {
  const cycle = await lockCycle(trx, cycleId);
  if (!cycle || (!(await unitInSubtrees(trx, cycle.unit_id, readableScopes(caller))) && !(await cellUnderCycleInScope(trx, caller, cycle)))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kiểm điểm.');
  }
  const member = await trx.selectFrom('member_replica').selectAll().where('member_id', '=', memberId).executeTakeFirst();
  const units = await subtreeOf(trx, [cycle.unit_id]);
  if (!member?.cell_id || !units.includes(member.cell_id) || !(await unitInSubtrees(trx, member.cell_id, readableScopes(caller)))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên trong tổ chức cơ sở của đợt kiểm điểm.', { field: 'memberId' });
  }
  if (!(await unitInSubtrees(trx, member.cell_id, mutationScopes(caller, mutation)))) {
    throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được thực hiện thao tác này ở đơn vị này.');
  }
  requireSubject(cycle, 'MEMBERS');
  if (cycle.status === 'CLOSED') throw new DomainError('CONFLICT', `Đợt kiểm điểm ${periodLabel(cycle.year, cycle.period)} đã khóa.`, { field: 'cycleId' });
  if (!GRADED_STATUSES.includes(member.status)) throw new DomainError('BAD_USER_INPUT', 'Đảng viên này không thuộc diện xếp loại (miễn sinh hoạt hoặc không còn sinh hoạt).', { field: 'memberId' });
  return cycle;
}

/** Whether one of the caller's grants lies inside the cycle's organization (a cell's secretary sees her committee's cycles). */
async function cellUnderCycleInScope(trx: Transaction<EvaluationDatabase>, caller: Caller, cycle: ReviewCycleRow): Promise<boolean> {
  return (await ancestorsOf(trx, caller.grants.map((grant) => grant.scopeUnitId))).includes(cycle.unit_id);
}

export function periodLabel(year: number, period: ReviewPeriod): string {
  return period === 'YEAR' ? `năm ${year}` : `quý ${period.slice(1)}/${year}`;
}

/** Cycles the caller may see: of organizations inside their subtrees, or containing one of their grants. */
export async function visibleCycles(db: Kysely<EvaluationDatabase>, caller: Caller, filter: { ids?: string[]; unitId?: string; year?: number }): Promise<ReviewCycleRow[]> {
  let query = db.selectFrom('review_cycle').selectAll();
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  const rows = await query.orderBy('year', 'desc').orderBy('period', 'desc').execute();
  if (rows.length === 0) return [];
  const readable = await unitsWithinScopes(db, rows.map((row) => row.unit_id), readableScopes(caller));
  const aboveGrants = new Set(await ancestorsOf(db, caller.grants.map((grant) => grant.scopeUnitId)));
  return rows.filter((row) => readable.has(row.unit_id) || aboveGrants.has(row.unit_id));
}
