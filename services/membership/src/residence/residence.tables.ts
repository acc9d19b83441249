import type { Selectable } from 'kysely';
import type { ResidenceComment, ResidenceExemption, ResidenceLink, ResidenceMeeting, ResidenceNotice } from '../generated/tables.ts';

/** A link; listed for a ward, it comes with the member's cell (`workplace_cell_id`), read in the same statement. */
export type ResidenceLinkRow = Selectable<ResidenceLink> & { workplace_cell_id?: string | null };
export type ResidenceExemptionRow = Selectable<ResidenceExemption>;
export type ResidenceMeetingRow = Selectable<ResidenceMeeting>;
export type ResidenceCommentRow = Selectable<ResidenceComment>;
export type ResidenceNoticeRow = Selectable<ResidenceNotice>;
