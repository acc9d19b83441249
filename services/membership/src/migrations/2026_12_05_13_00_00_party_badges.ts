import { sql, type Kysely } from 'kysely';

/**
 * Huy hiệu Đảng as dated configuration: the party-age years that earn a badge and the days of the year
 * badges are awarded on (MM-DD), from a date [M: believed, not verified; a new rule is a new row].
 * And an index for the data-quality list of CCCDs refused because another member holds them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE party_badge_rule (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    valid_from date NOT NULL UNIQUE,
    party_years integer[] NOT NULL CHECK (cardinality(party_years) > 0),
    award_days text[] NOT NULL CHECK (cardinality(award_days) > 0)
  )`.execute(db);
  // Awarded on the great anniversaries: 3-2 (the Party), 19-5 (Hồ Chí Minh), 2-9 (National Day), 7-11 (October Revolution).
  await sql`INSERT INTO party_badge_rule VALUES
    ('50000000-0000-4000-8000-000000000201', 'HUY-HIEU-DANG', 'Huy hiệu Đảng: 30, 40, 45, 50, 55, 60, 65, 70, 75, 80 năm tuổi Đảng', '1930-02-03',
     '{30,40,45,50,55,60,65,70,75,80}', '{02-03,05-19,09-02,11-07}')
  `.execute(db);
  await sql`CREATE TRIGGER party_badge_rule_append_only BEFORE UPDATE OR DELETE ON party_badge_rule
    FOR EACH ROW EXECUTE FUNCTION member_history_is_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE party_badge_rule`.execute(db);
}
