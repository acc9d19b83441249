import { thisYearInVietnam, useQuery } from '@dangvien/ui';
import { CELL_MEETINGS } from './queries.ts';

/**
 * One meeting of the cell, found in orgUnit.meetings(year) (the API has no meeting(id)): in the
 * `?year=` the link gave, else this year, then last year. `query` is the one to show in a QueryBoundary.
 */
export function useMeeting(cellId: string, meetingId: string, yearParam: string | null) {
  const given = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const firstYear = given ?? thisYearInVietnam();
  const first = useQuery(CELL_MEETINGS, { id: cellId, year: firstYear });
  const inFirst = first.data?.orgUnit?.meetings.find((meeting) => meeting.id === meetingId);
  const tryPrevious = given === undefined && first.data !== undefined && !inFirst;
  const previous = useQuery(CELL_MEETINGS, { id: cellId, year: firstYear - 1 }, { enabled: tryPrevious });
  const query = tryPrevious ? previous : first;
  const meeting = inFirst ?? (tryPrevious ? previous.data?.orgUnit?.meetings.find((found) => found.id === meetingId) : undefined);
  return { query, meeting, year: firstYear };
}
