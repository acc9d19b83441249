import { sql, type Kysely } from 'kysely';

/**
 * Dues (đảng phí) and member alerts. Rates, minimum wages and badge years are dated configuration:
 * a row valid from a date, never edited (a trigger refuses it), so a new rule never rewrites a past
 * month. Each member's dues basis, reliefs and payments are dated and append-only too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE dues_rule (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    valid_from date NOT NULL UNIQUE,
    salary_percent numeric(5, 2) NOT NULL CHECK (salary_percent >= 0),
    pension_percent numeric(5, 2) NOT NULL CHECK (pension_percent >= 0),
    student_amount integer NOT NULL CHECK (student_amount >= 0),
    minimum_wage_percent numeric(5, 2) NOT NULL CHECK (minimum_wage_percent >= 0),
    exempt_after_party_years integer NOT NULL CHECK (exempt_after_party_years > 0),
    reduction_percents integer[] NOT NULL,
    max_reduction_months integer NOT NULL CHECK (max_reduction_months > 0)
  )`.execute(db);
  // Quy định 01-QĐ/TW of 3-2-2026 (DOMAIN.md §2). The share of the regional minimum wage for "other" members is not verified [M].
  await sql`INSERT INTO dues_rule VALUES
    ('50000000-0000-4000-8000-000000000001', '01-QĐ/TW', 'Quy định 01-QĐ/TW ngày 3-2-2026 về chế độ đảng phí', '2026-02-03', 1, 0.5, 5000, 1, 50, '{30,50,70}', 12)
  `.execute(db);

  await sql`CREATE TABLE regional_minimum_wage (
    region text NOT NULL CHECK (region IN ('REGION_I', 'REGION_II', 'REGION_III', 'REGION_IV')),
    valid_from date NOT NULL,
    monthly_amount integer NOT NULL CHECK (monthly_amount > 0),
    decree text NOT NULL,
    PRIMARY KEY (region, valid_from)
  )`.execute(db);
  // Nghị định 293/2025/NĐ-CP, from 1-1-2026 [M: verify the amounts].
  await sql`INSERT INTO regional_minimum_wage VALUES
    ('REGION_I', '2026-01-01', 5310000, '293/2025/NĐ-CP'),
    ('REGION_II', '2026-01-01', 4730000, '293/2025/NĐ-CP'),
    ('REGION_III', '2026-01-01', 4140000, '293/2025/NĐ-CP'),
    ('REGION_IV', '2026-01-01', 3700000, '293/2025/NĐ-CP')
  `.execute(db);

  await sql`CREATE TABLE member_dues_basis (
    id bigserial PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    category text NOT NULL CHECK (category IN ('SALARIED', 'PENSIONER', 'STUDENT', 'OTHER')),
    income_amount bigint CHECK (income_amount > 0),
    wage_region text CHECK (wage_region IN ('REGION_I', 'REGION_II', 'REGION_III', 'REGION_IV')),
    valid_from date NOT NULL CHECK (extract(day FROM valid_from) = 1),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by text NOT NULL,
    CHECK (category NOT IN ('SALARIED', 'PENSIONER') OR income_amount IS NOT NULL),
    CHECK (category <> 'OTHER' OR wage_region IS NOT NULL)
  )`.execute(db);
  await sql`CREATE INDEX member_dues_basis_member_idx ON member_dues_basis (member_id, valid_from)`.execute(db);

  await sql`CREATE TABLE member_dues_relief (
    id bigserial PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    kind text NOT NULL CHECK (kind IN ('EXEMPTION', 'REDUCTION')),
    percent integer CHECK (percent BETWEEN 1 AND 99),
    from_month date NOT NULL CHECK (extract(day FROM from_month) = 1),
    to_month date CHECK (extract(day FROM to_month) = 1),
    reason text NOT NULL CHECK (reason = normalize(reason, NFC)),
    decision_number text CHECK (decision_number = normalize(decision_number, NFC)),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by text NOT NULL,
    CHECK (to_month IS NULL OR to_month >= from_month),
    CHECK (kind <> 'REDUCTION' OR (percent IS NOT NULL AND to_month IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX member_dues_relief_member_idx ON member_dues_relief (member_id, from_month)`.execute(db);

  await sql`CREATE TABLE dues_payment (
    id bigserial PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    cell_id uuid NOT NULL,
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    amount bigint NOT NULL CHECK (amount > 0),
    paid_on date NOT NULL,
    channel text NOT NULL CHECK (channel IN ('CASH', 'PUBLIC_SERVICE_PORTAL')),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX dues_payment_member_idx ON dues_payment (member_id, month)`.execute(db);

  await sql`CREATE TABLE member_alert_rule (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    valid_from date NOT NULL UNIQUE,
    probation_notice_days integer NOT NULL CHECK (probation_notice_days >= 0),
    official_vote_working_days integer NOT NULL CHECK (official_vote_working_days > 0),
    dues_unpaid_months integer NOT NULL CHECK (dues_unpaid_months > 0),
    badge_party_years integer[] NOT NULL
  )`.execute(db);
  // Charter art. 8 (3 months of unpaid dues in a year is a name-removal ground); badge years [M: list to configure].
  await sql`INSERT INTO member_alert_rule VALUES
    ('50000000-0000-4000-8000-000000000101', 'CANH-BAO-2026', 'Cảnh báo đảng viên: dự bị, đảng phí, Huy hiệu Đảng', '1930-02-03', 30, 30, 3, '{30,40,45,50,55,60,65,70,75,80}')
  `.execute(db);

  for (const table of ['dues_rule', 'regional_minimum_wage', 'member_dues_basis', 'member_dues_relief', 'dues_payment', 'member_alert_rule']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION member_history_is_append_only()`.execute(db);
  }

  // Monday to Friday; public holidays are not known here (as in the lifecycle's officialWindow).
  await sql`CREATE FUNCTION add_working_days(start date, days integer) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT d::date FROM generate_series(start + 1, start + days * 2 + 7, interval '1 day') AS d
    WHERE extract(isodow FROM d) < 6
    ORDER BY d OFFSET days - 1 LIMIT 1 $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION add_working_days(date, integer)`.execute(db);
  for (const table of ['member_alert_rule', 'dues_payment', 'member_dues_relief', 'member_dues_basis', 'regional_minimum_wage', 'dues_rule']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
