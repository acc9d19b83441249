import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type {
  AssignResidenceCellInput,
  DeliverResidenceCommentInput,
  LinkResidenceInput,
  MemberStatus,
  RecordResidenceCommentInput,
  RecordResidenceExemptionInput,
  RecordResidenceMeetingInput,
  ResidenceNoticeKind,
  SendResidenceChangeNoticeInput,
} from '../generated/graphql.ts';
import { notInFuture, optionalText } from '../input-checks.ts';
import { lockMember } from '../member/member.repository.ts';
import { MEMBER_EVENT_CONTRACTS, type ResidenceCommentRecorded, type ResidenceLinked } from '../placement/placement.events.ts';
import { conflictOnUnique, liveUnit, mayChangeIn, recordedBy, unitForMutation } from '../placement/scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { endResidenceLink, noticeToResidence } from './residence-notices.ts';
import { exemptionOn, linkDuringYear, linksOn } from './residence.repository.ts';
import type { ResidenceCommentRow, ResidenceExemptionRow, ResidenceLinkRow, ResidenceMeetingRow, ResidenceNoticeRow } from './residence.tables.ts';

const ACTIVE: readonly MemberStatus[] = ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'];

/**
 * The workplace committee introduces a working member to the party organization where they live: the
 * residential cell (and so its ward). A later link is a move: the earlier one ends that day.
 */
export async function linkResidence(
  db: Kysely<MembershipDatabase>,
  caller: Caller,
  input: LinkResidenceInput,
): Promise<ResidenceLinkRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const residenceCellId = requireId(input.residenceCellId, 'residenceCellId');
  const validFrom = notInFuture(requireDate(input.validFrom, 'validFrom'), todayInVietnam(), 'validFrom');
  const introductionNumber = optionalText(input.introductionNumber, 'introductionNumber', 'số giấy giới thiệu', 100);
  return conflictOnUnique(() => db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'linkResidence', memberId, 'giới thiệu đảng viên này về nơi cư trú');
    if (!ACTIVE.includes(member.status)) throw new DomainError('CONFLICT', 'Chỉ đảng viên (dự bị, chính thức) mới sinh hoạt nơi cư trú.', { field: 'memberId' });
    const cell = await liveUnit(trx, residenceCellId);
    if (!cell) throw new DomainError('NOT_FOUND', 'Không tìm thấy chi bộ nơi cư trú.', { field: 'residenceCellId' });
    // Introduced to the ward itself (the workplace often knows only the address): the ward assigns the cell later (assignResidenceCell).
    const toWard = cell.kind === 'GRASSROOTS_COMMITTEE';
    if (!toWard && (cell.kind !== 'CELL' || !cell.parent_id)) throw new DomainError('BAD_USER_INPUT', `${cell.name} không phải chi bộ hay đảng bộ nơi cư trú.`, { field: 'residenceCellId' });
    if (cell.id === member.cell_id) throw new DomainError('BAD_USER_INPUT', 'Đảng viên đã sinh hoạt chính thức ở chi bộ này: không cần giới thiệu về nơi cư trú.', { field: 'residenceCellId' });
    const exemption = await exemptionOn(trx, memberId, validFrom);
    if (exemption) throw new DomainError('CONFLICT', `Đảng viên thuộc diện không phải giới thiệu về nơi cư trú (Hướng dẫn 33, ${exemption.ground}) từ ngày ${exemption.valid_from}.`, { field: 'memberId' });
    const open = await trx.selectFrom('residence_link').selectAll().where('member_id', '=', memberId).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
    if (open && open.valid_from >= validFrom) throw new DomainError('BAD_USER_INPUT', `Đảng viên đã được giới thiệu về nơi cư trú từ ngày ${open.valid_from}: ngày mới phải sau ngày đó.`, { field: 'validFrom' });
    if (open) await endResidenceLink(trx, caller, memberId, validFrom, 'MOVED_HOUSE');
    const link = await trx
      .insertInto('residence_link')
      .values({ id: randomUUID(), member_id: memberId, ward_id: toWard ? cell.id : cell.parent_id!, residence_cell_id: cell.id, valid_from: validFrom, valid_to: null, introduction_number: introductionNumber, end_reason: null, recorded_by: recordedBy(caller) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await publish(trx, [{ type: MEMBER_EVENT_CONTRACTS.residenceLinked, aggregateId: memberId, payload: { memberId, residenceCellId: cell.id, validFrom } satisfies ResidenceLinked }]);
    await writeAudit(trx, caller, [{ operation: 'linkResidence', entityType: 'Member', entityId: memberId, before: open ? { residenceLinkId: open.id } : null, after: { link } }]);
    return link;
  }), { residence_link_one_open_idx: 'Đảng viên vừa được giới thiệu về nơi cư trú trong một yêu cầu khác.' });
}

/**
 * The residence ward places a working member introduced to the ward (not to a cell) in one of its
 * residential cells. Until then the link's residence unit is the ward itself (residence_cell_id = ward_id).
 */
export async function assignResidenceCell(db: Kysely<MembershipDatabase>, caller: Caller, input: AssignResidenceCellInput): Promise<ResidenceLinkRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const residenceCellId = requireId(input.residenceCellId, 'residenceCellId');
  return db.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('residence_link').selectAll().where('member_id', '=', memberId).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
    if (!open || !(await mayChangeIn(trx, caller, 'assignResidenceCell', [open.ward_id]))) {
      throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên được giới thiệu về sinh hoạt nơi cư trú ở đảng bộ của bạn.', { field: 'memberId' });
    }
    if (open.residence_cell_id !== open.ward_id) throw new DomainError('CONFLICT', 'Đảng viên đã được phân về một chi bộ nơi cư trú.', { field: 'memberId' });
    const cell = await liveUnit(trx, residenceCellId);
    if (!cell || cell.parent_id !== open.ward_id || cell.kind !== 'CELL') {
      throw new DomainError('BAD_USER_INPUT', 'Chọn một chi bộ trực thuộc của đảng bộ nơi cư trú.', { field: 'residenceCellId' });
    }
    const member = await trx.selectFrom('member').select('cell_id').where('id', '=', memberId).executeTakeFirstOrThrow();
    if (cell.id === member.cell_id) throw new DomainError('BAD_USER_INPUT', 'Đảng viên đã sinh hoạt chính thức ở chi bộ này: không cần giới thiệu về nơi cư trú.', { field: 'residenceCellId' });
    const link = await trx.updateTable('residence_link').set({ residence_cell_id: cell.id }).where('id', '=', open.id).returningAll().executeTakeFirstOrThrow();
    // A comment the ward wrote while the member waited for a cell follows the member to the cell.
    await trx.updateTable('residence_comment').set({ residence_cell_id: cell.id }).where('member_id', '=', memberId).where('residence_cell_id', '=', open.ward_id).execute();
    await publish(trx, [{ type: MEMBER_EVENT_CONTRACTS.residenceLinked, aggregateId: memberId, payload: { memberId, residenceCellId: cell.id, validFrom: open.valid_from } satisfies ResidenceLinked }]);
    await writeAudit(trx, caller, [{ operation: 'assignResidenceCell', entityType: 'Member', entityId: memberId, before: { link: open }, after: { link } }]);
    return link;
  });
}

/** Records an HD 33 exception (troops in barracks, working far away or mobile, rotated cadres, full-time students); an open link ends that day. */
export async function recordResidenceExemption(
  db: Kysely<MembershipDatabase>,
  caller: Caller,
  input: RecordResidenceExemptionInput,
): Promise<ResidenceExemptionRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const validFrom = requireDate(input.validFrom, 'validFrom');
  const validTo = input.validTo ? requireDate(input.validTo, 'validTo') : null;
  if (validTo !== null && validTo <= validFrom) throw new DomainError('BAD_USER_INPUT', `Ngày kết thúc (${validTo}) phải sau ngày bắt đầu (${validFrom}).`, { field: 'validTo' });
  const note = optionalText(input.note, 'note', 'ghi chú', 1000);
  return db.transaction().execute(async (trx) => {
    await lockMember(trx, caller, 'recordResidenceExemption', memberId, 'ghi miễn đăng ký sinh hoạt nơi cư trú cho đảng viên này');
    if (await exemptionOn(trx, memberId, validFrom)) throw new DomainError('CONFLICT', `Đảng viên đã được miễn vào ngày ${validFrom}.`, { field: 'validFrom' });
    if (validFrom <= todayInVietnam()) await endResidenceLink(trx, caller, memberId, validFrom, `EXEMPT_${input.ground}`);
    const row = await trx
      .insertInto('residence_exemption')
      .values({ id: randomUUID(), member_id: memberId, ground: input.ground, valid_from: validFrom, valid_to: validTo, note, recorded_by: recordedBy(caller) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'recordResidenceExemption', entityType: 'Member', entityId: memberId, before: null, after: { exemption: row } }]);
    return row;
  });
}

/** The ward's six-monthly meeting with the working members living there: who came, from the members linked on that day. */
export async function recordResidenceMeeting(
  db: Kysely<MembershipDatabase>,
  caller: Caller,
  input: RecordResidenceMeetingInput,
): Promise<ResidenceMeetingRow> {
  const wardId = requireId(input.wardId, 'wardId');
  const heldOn = notInFuture(requireDate(input.heldOn, 'heldOn'), todayInVietnam(), 'heldOn');
  const present = new Set(input.presentMemberIds.map((id) => requireId(id, 'presentMemberIds')));
  const note = optionalText(input.note, 'note', 'ghi chú', 2000);
  const halfYear = `${heldOn.slice(0, 4)}-H${Number(heldOn.slice(5, 7)) <= 6 ? 1 : 2}`;
  return conflictOnUnique(() => db.transaction().execute(async (trx) => {
    await unitForMutation(trx, caller, 'recordResidenceMeeting', wardId, 'ghi buổi họp với đảng viên đang công tác cư trú ở đây', 'wardId');
    const existing = await trx.selectFrom('residence_meeting').select('held_on').where('ward_id', '=', wardId).where('half_year', '=', halfYear).executeTakeFirst();
    if (existing) throw new DomainError('CONFLICT', `Đã ghi buổi họp của 6 tháng này (ngày ${existing.held_on}).`, { field: 'heldOn' });
    const linked = (await linksOn(trx, wardId, heldOn)).filter((link) => link.ward_id === wardId);
    const linkedIds = new Set(linked.map((link) => link.member_id));
    const stranger = [...present].find((id) => !linkedIds.has(id));
    if (stranger) throw new DomainError('BAD_USER_INPUT', 'Có người trong danh sách dự họp không phải đảng viên đang công tác cư trú ở đây vào ngày họp.', { field: 'presentMemberIds', memberId: stranger });
    const meeting = await trx
      .insertInto('residence_meeting')
      .values({ id: randomUUID(), ward_id: wardId, held_on: heldOn, half_year: halfYear, note, recorded_by: recordedBy(caller) })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (linked.length > 0) {
      await trx.insertInto('residence_meeting_attendance').values(linked.map((link) => ({ meeting_id: meeting.id, member_id: link.member_id, present: present.has(link.member_id) }))).execute();
    }
    await writeAudit(trx, caller, [
      { operation: 'recordResidenceMeeting', entityType: 'OrgUnit', entityId: wardId, before: null, after: { meeting, present: [...present].sort(), absent: [...linkedIds].filter((id) => !present.has(id)).sort() } },
    ]);
    return meeting;
  }), { residence_meeting_once_per_half_year: 'Đã ghi buổi họp của 6 tháng này.' });
}

/**
 * The residential cell's yearly comment on a working member, made with the residential Front
 * committee (Ban công tác Mặt trận); the workplace committee collects it before the year-end review.
 */
export async function recordResidenceComment(
  db: Kysely<MembershipDatabase>,
  caller: Caller,
  input: RecordResidenceCommentInput,
): Promise<ResidenceCommentRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const recordedOn = notInFuture(requireDate(input.recordedOn, 'recordedOn'), todayInVietnam(), 'recordedOn');
  if (!Number.isInteger(input.year) || String(input.year) !== recordedOn.slice(0, 4)) {
    throw new DomainError('BAD_USER_INPUT', `Nhận xét của năm ${input.year} phải ghi trong năm đó (trước kiểm điểm cuối năm).`, { field: 'recordedOn' });
  }
  const comment = requireText(input.comment, 'comment', 'nhận xét của chi bộ nơi cư trú', 4000);
  const frontCommitteeOpinion = requireText(input.frontCommitteeOpinion, 'frontCommitteeOpinion', 'ý kiến của Ban công tác Mặt trận', 4000);
  return conflictOnUnique(() => db.transaction().execute(async (trx) => {
    const link = await linkDuringYear(trx, memberId, input.year);
    if (!link || !(await mayChangeIn(trx, caller, 'recordResidenceComment', [link.residence_cell_id]))) {
      throw new DomainError('NOT_FOUND', `Không tìm thấy đảng viên công tác sinh hoạt ở nơi cư trú của bạn trong năm ${input.year}.`, { field: 'memberId' });
    }
    const existing = await trx.selectFrom('residence_comment').select('recorded_on').where('member_id', '=', memberId).where('year', '=', input.year).executeTakeFirst();
    if (existing) throw new DomainError('CONFLICT', `Đã có nhận xét năm ${input.year} (ngày ${existing.recorded_on}).`, { field: 'year' });
    const row = await trx
      .insertInto('residence_comment')
      .values({ id: randomUUID(), member_id: memberId, year: input.year, residence_cell_id: link.residence_cell_id, comment, front_committee_opinion: frontCommitteeOpinion, recorded_on: recordedOn, delivered_on: null, recorded_by: recordedBy(caller) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await publish(trx, [
      {
        type: MEMBER_EVENT_CONTRACTS.residenceCommentRecorded,
        aggregateId: memberId,
        payload: { memberId, year: input.year, residenceCellId: link.residence_cell_id, recordedOn } satisfies ResidenceCommentRecorded,
      },
    ]);
    await writeAudit(trx, caller, [{ operation: 'recordResidenceComment', entityType: 'Member', entityId: memberId, before: null, after: { comment: row } }]);
    return row;
  }), { residence_comment_once_a_year: `Đã có nhận xét năm ${input.year}.` });
}

/** The ward hands the year's comment to the workplace committee. */
export async function deliverResidenceComment(db: Kysely<MembershipDatabase>, caller: Caller, input: DeliverResidenceCommentInput): Promise<ResidenceCommentRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const deliveredOn = notInFuture(requireDate(input.deliveredOn, 'deliveredOn'), todayInVietnam(), 'deliveredOn');
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('residence_comment').selectAll().where('member_id', '=', memberId).where('year', '=', input.year).forUpdate().executeTakeFirst();
    if (!row || !(await mayChangeIn(trx, caller, 'deliverResidenceComment', [row.residence_cell_id]))) {
      throw new DomainError('NOT_FOUND', `Không tìm thấy nhận xét năm ${input.year} của đảng viên này.`, { field: 'memberId' });
    }
    if (row.delivered_on) throw new DomainError('CONFLICT', `Nhận xét đã chuyển ngày ${row.delivered_on}.`, { field: 'year' });
    if (deliveredOn < row.recorded_on) throw new DomainError('BAD_USER_INPUT', `Ngày chuyển (${deliveredOn}) trước ngày nhận xét (${row.recorded_on}).`, { field: 'deliveredOn' });
    const updated = await trx.updateTable('residence_comment').set({ delivered_on: deliveredOn }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'deliverResidenceComment', entityType: 'Member', entityId: memberId, before: { deliveredOn: null }, after: { year: input.year, deliveredOn } }]);
    return updated;
  });
}

const TO_WORKPLACE: readonly ResidenceNoticeKind[] = ['MOVED_HOUSE'];
const ENDS_LINK: readonly ResidenceNoticeKind[] = ['MOVED_HOUSE', 'EXPELLED', 'NAME_REMOVED'];

/**
 * A change notice between the two sides: the residence tells the workplace the member moved house;
 * the workplace tells the residence of a changed post, a transfer, an expulsion or a name removal.
 * Moving house, expulsion and name removal end the link.
 */
export async function sendResidenceChangeNotice(
  db: Kysely<MembershipDatabase>,
  caller: Caller,
  input: SendResidenceChangeNoticeInput,
): Promise<ResidenceNoticeRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const occurredOn = notInFuture(requireDate(input.occurredOn, 'occurredOn'), todayInVietnam(), 'occurredOn');
  const note = optionalText(input.note, 'note', 'ghi chú', 1000);
  return db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom('residence_link').selectAll().where('member_id', '=', memberId).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
    const member = await trx.selectFrom('member').select(['id', 'cell_id']).where('id', '=', memberId).executeTakeFirst();
    const toWorkplace = TO_WORKPLACE.includes(input.kind);
    const senderUnit = toWorkplace ? (link?.residence_cell_id ?? null) : (member?.cell_id ?? null);
    if (!link || !member || !(await mayChangeIn(trx, caller, 'sendResidenceChangeNotice', [senderUnit]))) {
      throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên đang công tác sinh hoạt ở nơi cư trú.', { field: 'memberId' });
    }
    if (occurredOn < link.valid_from) throw new DomainError('BAD_USER_INPUT', `Ngày ${occurredOn} trước ngày giới thiệu về nơi cư trú (${link.valid_from}).`, { field: 'occurredOn' });
    let noticeId: string | null;
    if (!toWorkplace) {
      noticeId = await noticeToResidence(trx, caller, memberId, input.kind, occurredOn, note, ENDS_LINK.includes(input.kind));
    } else {
      noticeId = randomUUID();
      await trx
        .insertInto('residence_notice')
        .values({ id: noticeId, member_id: memberId, direction: 'TO_WORKPLACE', kind: input.kind, occurred_on: occurredOn, residence_cell_id: link.residence_cell_id, workplace_cell_id: member.cell_id, note, recorded_by: recordedBy(caller) })
        .execute();
      await endResidenceLink(trx, caller, memberId, occurredOn, input.kind);
    }
    const notice = await trx.selectFrom('residence_notice').selectAll().where('id', '=', noticeId!).executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'sendResidenceChangeNotice', entityType: 'Member', entityId: memberId, before: null, after: { notice } }]);
    return notice;
  });
}
