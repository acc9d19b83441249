import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { DomainError, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { recordPossibleDuplicates } from '../member/member.repository.ts';
import { MEMBER_EVENTS, type MemberPlaced } from '../placement/placement.events.ts';
import { headerSetKey, suggestMapping, type ColumnMapping } from './columns.ts';
import type { ImportMode, MemberImportInput } from '../generated/graphql.ts';
import { findImportJobOf, findStoredMapping, insertImportJob, saveMapping, updateImportJob } from './import.repository.ts';
import type { ImportJobRow } from './import.tables.ts';
import { resolveTarget, validateMemberRows, type PlannedMember, type Validation } from './member-validation.ts';
import { readSpreadsheet } from '@dangvien/spreadsheet';

const STATUS_AFTER: Partial<Record<string, string>> = { ADMITTED: 'PROBATIONARY', OFFICIAL: 'OFFICIAL' };

/** Rows written per statement; progress moves after each batch. */
const BATCH_ROWS = 500;

/** The mapping to offer for a file: the one this user chose last time for the same headers, else suggested from the headers. */
export async function mappingFor(db: Kysely<MembershipDatabase>, caller: Caller, headers: readonly string[]): Promise<{ mapping: ColumnMapping[]; remembered: boolean }> {
  const stored = await findStoredMapping(db, caller.subject, headerSetKey(headers));
  if (stored) {
    const byHeader = new Map(stored.map((entry) => [entry.header, entry.field]));
    return { mapping: headers.map((header) => ({ header, field: byHeader.get(header) ?? null })), remembered: true };
  }
  return { mapping: suggestMapping(headers), remembered: false };
}

/**
 * Starts an import job and answers at once: reading a 10,000-row .xlsx and checking every row takes
 * seconds, and writing it more, past the gateway's request deadline. In the background the file is
 * read and every row checked (VALIDATING); the report is stored on the job; then, unless a dry run or
 * "all or nothing" with errors, the valid rows are written in one transaction (RUNNING). The client
 * polls `memberImportJob` for the report and the progress.
 */
export async function startMemberImport(db: Kysely<MembershipDatabase>, caller: Caller, input: MemberImportInput, runner: (work: () => Promise<void>) => void = backgroundRunner): Promise<ImportJobRow> {
  if (input.mode !== 'VALID_ONLY' && input.mode !== 'ALL_OR_NOTHING') throw new DomainError('BAD_USER_INPUT', 'Chọn cách nhập: chỉ dòng hợp lệ, hoặc không nhập gì nếu còn lỗi.', { field: 'mode' });
  const target = await resolveTarget(db, caller, input.unitId);
  if (!/\.(xlsx|csv)$/i.test(input.file.name)) throw new DomainError('BAD_USER_INPUT', 'Chỉ nhận tệp Excel (.xlsx) hoặc .csv.', { field: 'file.name' });
  if (input.file.contentBase64.trim() === '') throw new DomainError('BAD_USER_INPUT', 'Tệp rỗng.', { field: 'file' });
  const job = await insertImportJob(db, {
    id: randomUUID(),
    actor_subject: caller.subject,
    unit_id: target.unitId,
    file_name: input.file.name.normalize('NFC').slice(0, 300),
    mode: input.mode,
    dry_run: input.dryRun === true,
    status: 'VALIDATING',
    problems: '[]',
    message: null,
    finished_at: null,
  });
  runner(() => validateThenImport(db, caller, job, input, target));
  return job;
}

function backgroundRunner(work: () => Promise<void>): void {
  void work();
}

/** Reads and checks the file, stores the report on the job, then writes the valid rows unless told not to. */
async function validateThenImport(db: Kysely<MembershipDatabase>, caller: Caller, job: ImportJobRow, input: MemberImportInput, target: Awaited<ReturnType<typeof resolveTarget>>): Promise<void> {
  try {
    const sheet = await readSpreadsheet(input.file);
    const mapping = input.mapping ?? (await mappingFor(db, caller, sheet.headers)).mapping;
    const validation = await validateMemberRows(db, caller, sheet, mapping, target);
    await saveMapping(db, caller.subject, headerSetKey(sheet.headers), mapping);
    const refused = input.mode === 'ALL_OR_NOTHING' && validation.invalidRows > 0;
    const nothingToWrite = validation.toCreate.length === 0;
    const status = job.dry_run ? 'VALIDATED' : refused ? 'REFUSED' : nothingToWrite ? 'DONE' : 'RUNNING';
    const checked = await updateImportJob(db, job.id, {
        status,
        total_rows: validation.totalRows,
        valid_rows: validation.toCreate.length + validation.unchanged,
        processed_rows: status === 'RUNNING' ? validation.unchanged + validation.invalidRows : status === 'DONE' ? validation.totalRows : 0,
        unchanged_count: validation.unchanged,
        skipped_count: validation.invalidRows,
        problems: JSON.stringify(validation.problems),
        message: refused ? `Không nhập dòng nào: ${validation.invalidRows} dòng có lỗi. Sửa tệp rồi nhập lại, hoặc chọn "chỉ nhập dòng hợp lệ".` : null,
        finished_at: status === 'RUNNING' ? null : new Date(),
    });
    if (status === 'RUNNING') await runImport(db, caller, checked, sheet, mapping, target, input.mode);
  } catch (error) {
    await fail(db, job.id, error);
  }
}

/** The job ends FAILED with the reason a clerk can act on (nothing was written). */
async function fail(db: Kysely<MembershipDatabase>, id: string, error: unknown): Promise<void> {
  const message = error instanceof DomainError ? error.message : 'Nhập không thành công do lỗi hệ thống; không có dòng nào được ghi. Thử lại sau.';
  if (!(error instanceof DomainError)) console.error('[membership] member import failed', error);
  await updateImportJob(db, id, { status: 'FAILED', message, finished_at: new Date() }).catch(() => undefined);
}

/** Writes the valid rows in one transaction; a failure leaves nothing written and the job FAILED with the reason. */
async function runImport(
  db: Kysely<MembershipDatabase>,
  caller: Caller,
  job: ImportJobRow,
  sheet: Awaited<ReturnType<typeof readSpreadsheet>>,
  mapping: readonly ColumnMapping[],
  target: Awaited<ReturnType<typeof resolveTarget>>,
  mode: ImportMode,
): Promise<void> {
  try {
    const result = await db.transaction().execute(async (trx) => {
      // One import at a time: the file is checked again inside the lock, against what is recorded now.
      await sql`SELECT pg_advisory_xact_lock(hashtext('member-import'))`.execute(trx);
      const validation = await validateMemberRows(trx, caller, sheet, mapping, target);
      if (mode === 'ALL_OR_NOTHING' && validation.invalidRows > 0) throw new DomainError('CONFLICT', 'Dữ liệu đã thay đổi trong lúc nhập: có dòng không còn hợp lệ. Không nhập dòng nào.');
      let processed = validation.unchanged + validation.invalidRows;
      for (let start = 0; start < validation.toCreate.length; start += BATCH_ROWS) {
        const batch = validation.toCreate.slice(start, start + BATCH_ROWS);
        await insertPlannedMembers(trx, caller, job.id, batch);
        processed += batch.length;
        // Outside the transaction, so a poll sees it before the commit.
        await updateImportJob(db, job.id, { processed_rows: processed });
      }
      await writeAudit(trx, caller, [
        {
          operation: 'importMembers',
          entityType: 'MemberImport',
          entityId: job.id,
          before: null,
          after: { fileName: job.file_name, unitId: job.unit_id, mode, rows: validation.totalRows, created: validation.toCreate.length, unchanged: validation.unchanged, skipped: validation.invalidRows },
        },
      ]);
      return validation;
    });
    await finish(db, job.id, result);
  } catch (error) {
    await fail(db, job.id, error);
  }
}

async function finish(db: Kysely<MembershipDatabase>, id: string, validation: Validation): Promise<void> {
  await updateImportJob(db, id, {
      status: 'DONE',
      processed_rows: validation.totalRows,
      created_count: validation.toCreate.length,
      unchanged_count: validation.unchanged,
      skipped_count: validation.invalidRows,
      problems: JSON.stringify(validation.problems),
      finished_at: new Date(),
  });
}

/**
 * The batch form of createMember: the same rows (member, placement, first events, card history), the
 * same MemberPlaced event and one audit record per member, for many members in the caller's transaction.
 */
export async function insertPlannedMembers(trx: Transaction<MembershipDatabase>, caller: Caller, jobId: string, planned: readonly PlannedMember[]): Promise<void> {
  if (planned.length === 0) return;
  const recordedBy = `${caller.name} (${caller.subject})`;
  const members = planned.map((row) => ({ ...row, id: randomUUID() }));
  await trx
    .insertInto('member')
    .values(members.map((member) => ({ ...member.profile, id: member.id, full_name: member.profile.full_name!, status: member.status, initial_status: null, cell_id: member.cellId })))
    .execute();
  await trx
    .insertInto('member_placement')
    .values(members.map((member) => ({ member_id: member.id, cell_id: member.cellId, valid_from: member.events[0]!.occurredOn, valid_to: null, operation_id: null })))
    .execute();
  await trx
    .insertInto('member_event')
    .values(members.flatMap((member) => member.events.map((event) => ({ member_id: member.id, kind: event.kind, occurred_on: event.occurredOn, decision_number: null, details: {}, recorded_by: recordedBy }))))
    .execute();
  const carded = members.filter((member) => member.profile.party_card_number);
  if (carded.length > 0) await trx.insertInto('member_party_card').values(carded.map((member) => ({ member_id: member.id, card_number: member.profile.party_card_number!, recorded_by: recordedBy }))).execute();
  await publish(
    trx,
    // One MemberPlaced per event, each from its date, so consumers keep the dated history (probation, then official).
    members.flatMap((member) =>
      member.events.map((event) => ({
        type: MEMBER_EVENTS.placed,
        aggregateId: member.id,
        payload: { memberId: member.id, cellId: member.cellId, status: STATUS_AFTER[event.kind] ?? member.status, effectiveDate: event.occurredOn } satisfies MemberPlaced,
      })),
    ),
  );
  await writeAudit(
    trx,
    caller,
    members.map((member) => ({
      operation: 'importMembers',
      entityType: 'Member',
      entityId: member.id,
      before: null,
      after: { ...member.profile, cellId: member.cellId, status: member.status, events: member.events, importJobId: jobId, row: member.rowNumber },
    })),
  );
  await recordPossibleDuplicates(trx, caller, 'importMembers', members.filter((member) => member.profile.citizen_id || member.profile.party_card_number).map((member) => member.id));
}

/** A job, only for the user who started it. */
export function findImportJob(db: Kysely<MembershipDatabase>, caller: Caller, id: string): Promise<ImportJobRow | undefined> {
  return findImportJobOf(db, caller.subject, id);
}
