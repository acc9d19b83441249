import type { Database } from './database.ts';

/**
 * Sample records over the national demo data set (its ids are fixed: unit n is
 * 10000000-0000-4000-8000-00000000000n, member n 20000000-…), so a local run with the whole graph
 * shows the province's fields filled in.
 */
const demoId = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
export const SAMPLE_COURSES = [
  { id: demoId('40000000', 1), code: 'LLCT-SC-2025', title: 'Lý luận chính trị sơ cấp khoá 2025', startsOn: '2025-03-03' },
  { id: demoId('40000000', 2), code: 'DTM-2026', title: 'Bồi dưỡng đảng viên mới 2026', startsOn: '2026-04-06' },
];
export const SAMPLE_MEMBERS = [1, 2, 3].map((n) => demoId('20000000', n));
export const SAMPLE_QUOTA_UNIT = demoId('10000000', 1);

export async function seedSampleData(db: Database): Promise<void> {
  for (const course of SAMPLE_COURSES) {
    await db.query('INSERT INTO training_course (id, code, title, starts_on) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [course.id, course.code, course.title, course.startsOn]);
  }
  for (const [index, memberId] of SAMPLE_MEMBERS.entries()) {
    await db.query(
      `INSERT INTO course_attendance (course_id, member_id, result, completed_on) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      index === 0 ? [SAMPLE_COURSES[0]!.id, memberId, 'COMPLETED', '2025-05-30'] : [SAMPLE_COURSES[1]!.id, memberId, 'ENROLLED', null],
    );
  }
  await db.query('INSERT INTO training_quota (unit_id, year, places) VALUES ($1, 2026, 120) ON CONFLICT DO NOTHING', [SAMPLE_QUOTA_UNIT]);
}
