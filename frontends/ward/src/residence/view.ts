import type { ResidentLink, WardChildUnit } from './queries.ts';

/** What every sub-page of the Regulation 213 page gets from the one query. */
export interface ResidenceView {
  wardId: string;
  members: readonly ResidentLink[];
  cells: readonly WardChildUnit[];
  /** A residential cell's name; "not assigned" for none. */
  cellName: (id: string | undefined) => string;
  today: string;
}
