/** Built once: constructing a formatter costs about 50 µs, and rosters and counts ask for today once per unit. */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today in Vietnam (YYYY-MM-DD). */
export function todayInVietnam(): string {
  return VIETNAM_DAY.format(new Date());
}
