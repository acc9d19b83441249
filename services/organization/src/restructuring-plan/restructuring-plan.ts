import { readableScopes, type Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText } from '@dangvien/server';
import { GraphQLError } from 'graphql';
import type { Kysely, Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { findOrgUnitRecord } from '../dissolution/dissolution.repository.ts';
import { endUnitsStep, readDestinations } from '../dissolution/end-units.ts';
import type { ApplyProvinceReformInput, RestructuringPlanInput, RestructuringStepInput, UnitRefInput } from '../generated/graphql.ts';
import type { OperationRow } from '../operation/operation.tables.ts';
import { runOperation, type OperationDraft } from '../operation/run-operation.ts';
import { ancestorIds } from '../org-unit/org-unit.repository.ts';
import { createInTransaction, decision, lockUnitInScope, moveInTransaction, readNewUnit, renameInTransaction } from '../org-unit/restructure.ts';
import { scopesWithRole, MUTATION_ROLES, type Role } from '@dangvien/auth';
import { findGrassrootsUnder } from './restructuring-plan.repository.ts';

const MAX_STEPS = 200;
type StepName = keyof RestructuringStepInput;
const STEP_LABELS: Record<StepName, string> = {
  create: 'thành lập',
  rename: 'đổi tên',
  move: 'chuyển',
  dissolve: 'giải thể',
  merge: 'sáp nhập',
  endDistrict: 'kết thúc đảng bộ huyện',
};

/** A plan being run: the operation so far, and the units its steps created, by key. */
interface PlanRun {
  trx: Transaction<OrganizationDatabase>;
  caller: Caller;
  draft: OperationDraft;
  keys: Map<string, string>;
}

/**
 * Phương án sắp xếp: the steps run in order on one date, in one transaction, as one operation. A step
 * that fails refuses the whole plan; its error names the step. Later steps may name units created by
 * earlier ones (by key) and change again, that day, units earlier steps changed.
 */
export function applyRestructuringPlan(db: Kysely<OrganizationDatabase>, caller: Caller, input: RestructuringPlanInput): Promise<OperationRow> {
  const subjectId = requireId(input.subjectId, 'subjectId');
  const effectiveDate = requireDate(input.effectiveDate, 'effectiveDate');
  const decisionNumber = decision(input.decisionNumber);
  if (input.steps.length === 0 || input.steps.length > MAX_STEPS) throw new DomainError('BAD_USER_INPUT', `Phương án có từ 1 đến ${MAX_STEPS} bước.`, { field: 'steps' });
  const steps = input.steps.map((step, index) => ({ index, ...readStepName(step, index) }));
  const kind = steps.some((step) => step.name === 'endDistrict') ? 'PROVINCE_REFORM' : 'RESTRUCTURING_PLAN';
  return runOperation(db, caller, { kind, mutation: 'applyRestructuringPlan', effectiveDate, decisionNumber }, async (trx, draft) => {
    const subject = await findOrgUnitRecord(trx, subjectId);
    if (!subject || !(await ancestorIds(trx, subjectId)).some((ancestor) => readableScopes(caller).includes(ancestor))) {
      throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị của phương án.', { field: 'subjectId' });
    }
    const run: PlanRun = { trx, caller, draft, keys: new Map() };
    for (const step of steps) {
      try {
        await runStep(run, step.name, step.body);
      } catch (error) {
        throw namedStep(error, step.index, step.name);
      }
    }
    return { subjectId };
  });
}

/**
 * The 2025 reform for one district, as a one-step plan: its live grassroots organizations go directly
 * under the district's parent (the province) and the district ends, on one date. Returns the operation
 * (pending until membership and evaluation have applied it).
 */
export function applyProvinceReform(db: Kysely<OrganizationDatabase>, caller: Caller, input: ApplyProvinceReformInput): Promise<OperationRow> {
  const districtId = requireId(input.districtId, 'districtId');
  const effectiveDate = requireDate(input.effectiveDate ?? '2025-07-01', 'effectiveDate');
  const decisionNumber = decision(input.decisionNumber);
  return runOperation(db, caller, { kind: 'PROVINCE_REFORM', mutation: 'applyProvinceReform', effectiveDate, decisionNumber }, async (trx, draft) => {
    await endDistrict({ trx, caller, draft, keys: new Map() }, districtId, 'districtId');
    return { subjectId: districtId };
  });
}

function readStepName(step: RestructuringStepInput, index: number): { name: StepName; body: NonNullable<RestructuringStepInput[StepName]> } {
  const given = (Object.keys(STEP_LABELS) as StepName[]).filter((name) => step[name] !== null && step[name] !== undefined);
  if (given.length !== 1) {
    throw new DomainError('BAD_USER_INPUT', `Bước ${index + 1}: mỗi bước chọn đúng một việc (thành lập, đổi tên, chuyển, giải thể, sáp nhập hoặc kết thúc đảng bộ huyện).`, {
      field: `steps.${index}`,
      step: index + 1,
    });
  }
  return { name: given[0]!, body: step[given[0]!]! };
}

/** A step's error, said with the step's number and kind (the plan changed nothing). */
function namedStep(error: unknown, index: number, name: StepName): unknown {
  if (!(error instanceof GraphQLError) || typeof error.extensions.code !== 'string') return error;
  const { field, ...rest } = error.extensions;
  return new GraphQLError(`Bước ${index + 1} (${STEP_LABELS[name]}): ${error.message}`, {
    extensions: { ...rest, field: `steps.${index}.${name}${typeof field === 'string' ? `.${field}` : ''}`, step: index + 1 },
  });
}

async function runStep(run: PlanRun, name: StepName, body: NonNullable<RestructuringStepInput[StepName]>): Promise<void> {
  const { trx, caller, draft } = run;
  const { effectiveDate, decisionNumber, mutation, changedToday } = draft;
  switch (name) {
    case 'create': {
      const step = body as NonNullable<RestructuringStepInput['create']>;
      const key = requireText(step.key, 'key', 'khóa của đơn vị mới', 100);
      if (run.keys.has(key)) throw new DomainError('BAD_USER_INPUT', `Khóa "${key}" đã dùng ở một bước trước.`, { field: 'key' });
      const parentId = unitRef(run, step.parent, 'parent');
      const request = readNewUnit({ ...step, parentId, establishedOn: effectiveDate, decisionNumber });
      await createInTransaction(trx, caller, mutation, request);
      run.keys.set(key, request.id);
      changedToday.add(request.id);
      return;
    }
    case 'rename': {
      const step = body as NonNullable<RestructuringStepInput['rename']>;
      const id = unitRef(run, step.unit, 'unit');
      await renameInTransaction(trx, caller, mutation, { id, name: requireText(step.name, 'name', 'tên đơn vị', 200), effectiveDate, decisionNumber }, changedToday);
      changedToday.add(id);
      return;
    }
    case 'move': {
      const step = body as NonNullable<RestructuringStepInput['move']>;
      const id = unitRef(run, step.unit, 'unit');
      await moveInTransaction(trx, caller, mutation, { id, newParentId: unitRef(run, step.newParent, 'newParent'), effectiveDate, decisionNumber }, changedToday);
      changedToday.add(id);
      return;
    }
    case 'dissolve': {
      const step = body as NonNullable<RestructuringStepInput['dissolve']>;
      const ids = unitRefs(run, step.units, 'units');
      const destinations = readDestinations(
        (step.destinations ?? []).map((destination) => ({ unitId: unitRef(run, destination.unit, 'destinations.unit'), memberIds: destination.memberIds })),
      );
      await endUnitsStep(trx, caller, draft, { ids, successorId: unitRef(run, step.successor, 'successor'), destinations, moveChildren: false });
      return;
    }
    case 'merge': {
      const step = body as NonNullable<RestructuringStepInput['merge']>;
      await endUnitsStep(trx, caller, draft, { ids: unitRefs(run, step.units, 'units'), successorId: unitRef(run, step.into, 'into'), destinations: [], moveChildren: true });
      return;
    }
    case 'endDistrict': {
      const step = body as NonNullable<RestructuringStepInput['endDistrict']>;
      await endDistrict(run, unitRef(run, step.district, 'district'), 'district');
      return;
    }
  }
}

/** The 2025 reform's step: the district's grassroots organizations go under its parent, then it ends (no members: the province succeeds it). */
async function endDistrict(run: PlanRun, districtId: string, field: string): Promise<void> {
  const { trx, caller, draft } = run;
  const { effectiveDate, decisionNumber, mutation, changedToday } = draft;
  const scopes = scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
  const { unit, version } = await lockUnitInScope(trx, caller, scopes, districtId);
  if (unit.kind !== 'DISTRICT') throw new DomainError('BAD_USER_INPUT', `${version.name} không phải đảng bộ huyện.`, { field });
  if (!version.parent_id) throw new DomainError('CONFLICT', `${version.name} không trực thuộc đảng bộ tỉnh nào.`, { field });
  for (const id of await findGrassrootsUnder(trx, districtId)) {
    await moveInTransaction(trx, caller, mutation, { id, newParentId: version.parent_id, effectiveDate, decisionNumber }, changedToday);
    changedToday.add(id);
  }
  await endUnitsStep(trx, caller, draft, { ids: [districtId], successorId: version.parent_id, destinations: [], moveChildren: false });
}

function unitRef(run: PlanRun, ref: UnitRefInput, field: string): string {
  const hasId = ref.id !== null && ref.id !== undefined;
  const hasKey = ref.key !== null && ref.key !== undefined;
  if (hasId === hasKey) throw new DomainError('BAD_USER_INPUT', 'Nêu đơn vị bằng mã định danh hoặc bằng khóa của bước thành lập, chỉ một trong hai.', { field });
  if (hasId) return requireId(ref.id!, field);
  const id = run.keys.get(ref.key!);
  if (!id) throw new DomainError('BAD_USER_INPUT', `Chưa có đơn vị mới với khóa "${ref.key}" ở các bước trước.`, { field });
  return id;
}

function unitRefs(run: PlanRun, refs: readonly UnitRefInput[], field: string): string[] {
  const ids = refs.map((ref) => unitRef(run, ref, field));
  if (ids.length === 0 || ids.length > 100) throw new DomainError('BAD_USER_INPUT', 'Chọn từ 1 đến 100 đơn vị.', { field });
  if (new Set(ids).size !== ids.length) throw new DomainError('BAD_USER_INPUT', 'Một đơn vị được chọn hai lần.', { field });
  return ids;
}
