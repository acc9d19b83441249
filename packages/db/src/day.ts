/**
 * The Party's records are kept on Vietnam's calendar: "today" for a clerk in Hà Nội is the same day
 * for the subgraphs' code and for their SQL (`current_date`, `::date`), whatever the server's zone.
 */
export const RECORDS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Built once: constructing a formatter costs about 50 µs, and rosters and counts ask for today once per unit. */
const RECORDS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: RECORDS_TIME_ZONE });

/** Today in Vietnam (YYYY-MM-DD). */
export function todayInVietnam(now: Date = new Date()): string {
  return RECORDS_DAY.format(now);
}
