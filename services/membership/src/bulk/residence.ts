import type { BulkWriter } from '@dangvien/server';

/** Regulation 213: a working member's link to the residential cell where they live, with the residence's yearly comments. */
export interface BulkResidenceLink {
  id: string;
  wardId: string;
  residenceCellId: string;
  validFrom: string;
  comments: readonly { id: string; year: number; comment: string; frontCommitteeOpinion: string; recordedOn: string; deliveredOn: string }[];
}

const RECORDED_BY = 'datagen';

/** Links and comments, when this database has the Regulation 213 tables (added by a later migration). */
export async function copyResidenceLinks(writer: BulkWriter, members: readonly { id: string; residenceLink: BulkResidenceLink | null }[]): Promise<void> {
  const found = await writer.query(`SELECT to_regclass('residence_link') IS NOT NULL AND to_regclass('residence_comment') IS NOT NULL AS present`);
  if (found.rows[0]?.present !== true) return;
  const linked = members.filter((member) => member.residenceLink);
  await writer.copy(
    'residence_link',
    ['id', 'member_id', 'ward_id', 'residence_cell_id', 'valid_from', 'valid_to', 'introduction_number', 'end_reason', 'recorded_by'],
    linked.map(({ id, residenceLink: link }) => [link!.id, id, link!.wardId, link!.residenceCellId, link!.validFrom, null, null, null, RECORDED_BY]),
  );
  await writer.copy(
    'residence_comment',
    ['id', 'member_id', 'year', 'residence_cell_id', 'comment', 'front_committee_opinion', 'recorded_on', 'delivered_on', 'recorded_by'],
    linked.flatMap(({ id, residenceLink: link }) => link!.comments.map((c) => [c.id, id, c.year, link!.residenceCellId, c.comment, c.frontCommitteeOpinion, c.recordedOn, c.deliveredOn, RECORDED_BY])),
  );
}
