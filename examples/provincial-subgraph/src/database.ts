import pg from 'pg';

/** This system's own tables: national data (members, units) is referred to by id only, never copied. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS training_course (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  title text NOT NULL,
  starts_on date NOT NULL
);
CREATE TABLE IF NOT EXISTS course_attendance (
  course_id uuid NOT NULL REFERENCES training_course (id),
  member_id uuid NOT NULL,
  result text NOT NULL CHECK (result IN ('ENROLLED', 'COMPLETED')),
  completed_on date,
  PRIMARY KEY (course_id, member_id)
);
CREATE TABLE IF NOT EXISTS training_quota (
  unit_id uuid NOT NULL,
  year int NOT NULL,
  places int NOT NULL CHECK (places >= 0),
  PRIMARY KEY (unit_id, year)
);
`;

export type Database = pg.Pool;

export async function openDatabase(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // Dates as text (YYYY-MM-DD), as the national graph gives them.
  pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
  await pool.query(SCHEMA);
  return pool;
}

export interface CourseRow {
  id: string;
  code: string;
  title: string;
  starts_on: string;
}

export interface AttendanceRow extends CourseRow {
  member_id: string;
  result: string;
  completed_on: string | null;
}

export async function listCourses(db: Database): Promise<CourseRow[]> {
  return (await db.query<CourseRow>('SELECT id, code, title, starts_on FROM training_course ORDER BY starts_on DESC, code')).rows;
}

/** Attendance of many members in one statement (the gateway sends every member of a list in one `_entities` call). */
export async function attendanceOfMembers(db: Database, memberIds: readonly string[]): Promise<Map<string, AttendanceRow[]>> {
  const { rows } = await db.query<AttendanceRow>(
    `SELECT a.member_id, a.result, a.completed_on, c.id, c.code, c.title, c.starts_on
       FROM course_attendance a JOIN training_course c ON c.id = a.course_id
      WHERE a.member_id = ANY($1::uuid[]) ORDER BY c.starts_on DESC, c.code`,
    [memberIds],
  );
  const byMember = new Map<string, AttendanceRow[]>(memberIds.map((id) => [id, []]));
  for (const row of rows) byMember.get(row.member_id)?.push(row);
  return byMember;
}

export async function quotasOf(db: Database, unitIds: readonly string[], year: number): Promise<Map<string, number>> {
  const { rows } = await db.query<{ unit_id: string; places: number }>('SELECT unit_id, places FROM training_quota WHERE unit_id = ANY($1::uuid[]) AND year = $2', [unitIds, year]);
  return new Map(rows.map((row) => [row.unit_id, row.places]));
}
