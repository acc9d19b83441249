import { subtreeUnitIds } from '@dangvien/org-replica';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { ResidenceCommentRow, ResidenceExemptionRow, ResidenceLinkRow, ResidenceMeetingRow, ResidenceNoticeRow } from './residence.tables.ts';

/** The HD 33 exception that holds for a member on `date`, if any. */
export function exemptionOn(trx: Transaction<MembershipDatabase>, memberId: string, date: string): Promise<ResidenceExemptionRow | undefined> {
  return trx
    .selectFrom('residence_exemption')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .executeTakeFirst();
}

/** The working members linked to a ward (or one residential cell) at the end of `date`, with their name and cell, Vietnamese order. */
export function linksOn(db: Kysely<MembershipDatabase>, unitId: string, date: string) {
  return db
    .selectFrom('residence_link')
    .innerJoin('member', 'member.id', 'residence_link.member_id')
    .selectAll('residence_link')
    .select(['member.full_name', 'member.cell_id as workplace_cell_id'])
    .where((eb) => eb.or([eb('residence_link.ward_id', '=', unitId), eb('residence_link.residence_cell_id', '=', unitId)]))
    .where('residence_link.valid_from', '<=', date)
    .where((eb) => eb.or([eb('residence_link.valid_to', 'is', null), eb('residence_link.valid_to', '>', date)]))
    .orderBy(sql`member.given_name COLLATE "vi-x-icu"`)
    .orderBy(sql`member.full_name COLLATE "vi-x-icu"`)
    .execute();
}

/** The link a member had with a residence during `year`: the latest one that overlaps the year. */
export function linkDuringYear(trx: Transaction<MembershipDatabase>, memberId: string, year: number): Promise<ResidenceLinkRow | undefined> {
  return trx
    .selectFrom('residence_link')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('valid_from', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', `${year}-01-01`)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

/** A ward's six-monthly meetings, newest first. */
export function meetingsOfWard(db: Kysely<MembershipDatabase>, wardId: string): Promise<ResidenceMeetingRow[]> {
  return db.selectFrom('residence_meeting').selectAll().where('ward_id', '=', wardId).orderBy('held_on', 'desc').execute();
}

/** Change notices to or from the subtree of `unitId`, newest first (at most 500). */
export async function noticesOfSubtree(db: Kysely<MembershipDatabase>, unitId: string): Promise<ResidenceNoticeRow[]> {
  const units = await subtreeUnitIds(db, [unitId]);
  return db
    .selectFrom('residence_notice')
    .selectAll()
    .where((eb) => eb.or([eb('residence_cell_id', 'in', units), eb('workplace_cell_id', 'in', units)]))
    .orderBy('occurred_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(500)
    .execute();
}

export function linksOfMember(db: Kysely<MembershipDatabase>, memberId: string): Promise<ResidenceLinkRow[]> {
  return db.selectFrom('residence_link').selectAll().where('member_id', '=', memberId).orderBy('valid_from').execute();
}

export function exemptionsOfMember(db: Kysely<MembershipDatabase>, memberId: string): Promise<ResidenceExemptionRow[]> {
  return db.selectFrom('residence_exemption').selectAll().where('member_id', '=', memberId).orderBy('valid_from').execute();
}

/** Whether the linked member came to the ward's meetings, oldest first. */
export function attendanceOfLink(db: Kysely<MembershipDatabase>, link: Pick<ResidenceLinkRow, 'member_id' | 'ward_id'>) {
  return db
    .selectFrom('residence_meeting_attendance')
    .innerJoin('residence_meeting', 'residence_meeting.id', 'residence_meeting_attendance.meeting_id')
    .select(['residence_meeting.held_on as heldOn', 'residence_meeting.half_year as halfYear', 'residence_meeting_attendance.present'])
    .where('residence_meeting_attendance.member_id', '=', link.member_id)
    .where('residence_meeting.ward_id', '=', link.ward_id)
    .orderBy('residence_meeting.held_on')
    .execute();
}

/** The residence's yearly comments on the linked member, oldest first. */
export function commentsOfLink(db: Kysely<MembershipDatabase>, link: Pick<ResidenceLinkRow, 'member_id' | 'residence_cell_id'>): Promise<ResidenceCommentRow[]> {
  return db.selectFrom('residence_comment').selectAll().where('member_id', '=', link.member_id).where('residence_cell_id', '=', link.residence_cell_id).orderBy('year').execute();
}

/** How many linked members were (or were not) present at a meeting. */
export async function countAttendance(db: Kysely<MembershipDatabase>, meetingId: string, present: boolean): Promise<number> {
  const row = await db
    .selectFrom('residence_meeting_attendance')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('meeting_id', '=', meetingId)
    .where('present', '=', present)
    .executeTakeFirstOrThrow();
  return row.n;
}
