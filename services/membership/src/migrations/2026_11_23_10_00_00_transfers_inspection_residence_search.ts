import { sql, type Kysely } from 'kysely';

/** Frozen: every precomposed Latin letter with marks (both cases) and its plain lowercase letter; đ → d. */
function foldingAlphabet(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [start, end] of ranges) {
    for (let code = start; code <= end; code++) {
      const letter = String.fromCodePoint(code);
      const plain = letter.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
      if (/^[a-z]$/.test(plain) && plain !== letter) {
        from += letter;
        to += plain;
      }
    }
  }
  return { from, to };
}

/**
 * Search, transfers, inspections and Regulation 213:
 * - member.full_name_folded: the name without diacritics, lowercase, kept by the database itself (so
 *   every way of writing a member, imports included, is searchable);
 * - placements say whether they are official or temporary and which transfer made them;
 * - member_inspection: dated inspections with their decisions (members under inspection are not transferred);
 * - member_transfer: transfer letters (giấy giới thiệu sinh hoạt đảng), within the system, out and in;
 * - residence_*: working members' ties with their residence (Quy định 213-QĐ/TW, Hướng dẫn 33).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { from, to } = foldingAlphabet();
  await sql`ALTER TABLE member ADD COLUMN full_name_folded text
    GENERATED ALWAYS AS (lower(translate(full_name, ${sql.lit(from)}, ${sql.lit(to)}))) STORED`.execute(db);
  await sql`CREATE INDEX member_full_name_folded_idx ON member (full_name_folded)`.execute(db);

  await sql`ALTER TABLE member_placement
    ADD COLUMN kind text NOT NULL DEFAULT 'OFFICIAL' CHECK (kind IN ('OFFICIAL', 'TEMPORARY')),
    ADD COLUMN transfer_id uuid`.execute(db);
  await sql`CREATE INDEX member_placement_cell_idx ON member_placement (cell_id, valid_from)`.execute(db);

  await sql`CREATE TABLE member_inspection (
    id uuid PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    started_on date NOT NULL,
    decision_number text NOT NULL CHECK (decision_number = normalize(decision_number, NFC)),
    inspecting_body text NOT NULL CHECK (inspecting_body = normalize(inspecting_body, NFC)),
    reason text,
    ended_on date,
    end_decision_number text,
    conclusion text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
  )`.execute(db);
  await sql`CREATE INDEX member_inspection_member_idx ON member_inspection (member_id, started_on)`.execute(db);

  await sql`CREATE TABLE member_transfer (
    id uuid PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    kind text NOT NULL CHECK (kind IN ('OFFICIAL', 'TEMPORARY')),
    direction text NOT NULL CHECK (direction IN ('WITHIN', 'OUT', 'IN')),
    reason text NOT NULL CHECK (reason IN ('JOB_CHANGE', 'RETIREMENT', 'PERMANENT_MOVE', 'WORK', 'RESIDENCE', 'STUDY')),
    from_cell_id uuid,
    to_cell_id uuid,
    external_organization text CHECK (external_organization = normalize(external_organization, NFC)),
    letter_number text NOT NULL CHECK (letter_number = normalize(letter_number, NFC)),
    letter_issued_on date NOT NULL,
    report_due_on date NOT NULL,
    presented_on date,
    temporary_until date,
    returned_on date,
    note text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((direction = 'IN') = (from_cell_id IS NULL)),
    CHECK ((direction = 'OUT') = (to_cell_id IS NULL)),
    CHECK ((kind = 'TEMPORARY') = (temporary_until IS NOT NULL)),
    CHECK (presented_on IS NULL OR presented_on >= letter_issued_on),
    CHECK (returned_on IS NULL OR (kind = 'TEMPORARY' AND returned_on >= letter_issued_on))
  )`.execute(db);
  await sql`CREATE INDEX member_transfer_member_idx ON member_transfer (member_id, letter_issued_on)`.execute(db);
  await sql`CREATE INDEX member_transfer_waiting_idx ON member_transfer (report_due_on) WHERE presented_on IS NULL`.execute(db);
  // One transfer in progress at a time: a letter not yet presented, or a temporary stay not yet over.
  await sql`CREATE UNIQUE INDEX member_transfer_one_open_idx ON member_transfer (member_id)
    WHERE returned_on IS NULL AND (presented_on IS NULL OR kind = 'TEMPORARY')`.execute(db);

  await sql`CREATE TABLE residence_link (
    id uuid PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    ward_id uuid NOT NULL,
    residence_cell_id uuid NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    introduction_number text,
    end_reason text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX residence_link_one_open_idx ON residence_link (member_id) WHERE valid_to IS NULL`.execute(db);
  await sql`CREATE INDEX residence_link_ward_idx ON residence_link (ward_id, valid_from)`.execute(db);

  await sql`CREATE TABLE residence_exemption (
    id uuid PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    ground text NOT NULL CHECK (ground IN ('TROOPS_IN_BARRACKS', 'WORKING_FAR_AWAY', 'MOBILE_WORK', 'ROTATED_CADRE', 'FULL_TIME_STUDENT')),
    valid_from date NOT NULL,
    valid_to date,
    note text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
  )`.execute(db);
  await sql`CREATE INDEX residence_exemption_member_idx ON residence_exemption (member_id, valid_from)`.execute(db);

  await sql`CREATE TABLE residence_meeting (
    id uuid PRIMARY KEY,
    ward_id uuid NOT NULL,
    held_on date NOT NULL,
    half_year text NOT NULL CHECK (half_year ~ '^[0-9]{4}-H[12]$'),
    note text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT residence_meeting_once_per_half_year UNIQUE (ward_id, half_year)
  )`.execute(db);
  await sql`CREATE TABLE residence_meeting_attendance (
    meeting_id uuid NOT NULL REFERENCES residence_meeting (id),
    member_id uuid NOT NULL REFERENCES member (id),
    present boolean NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
  )`.execute(db);

  await sql`CREATE TABLE residence_comment (
    id uuid PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    year integer NOT NULL,
    residence_cell_id uuid NOT NULL,
    comment text NOT NULL CHECK (comment = normalize(comment, NFC)),
    front_committee_opinion text NOT NULL CHECK (front_committee_opinion = normalize(front_committee_opinion, NFC)),
    recorded_on date NOT NULL,
    delivered_on date,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT residence_comment_once_a_year UNIQUE (member_id, year),
    CHECK (delivered_on IS NULL OR delivered_on >= recorded_on)
  )`.execute(db);

  await sql`CREATE TABLE residence_notice (
    id uuid PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    direction text NOT NULL CHECK (direction IN ('TO_RESIDENCE', 'TO_WORKPLACE')),
    kind text NOT NULL CHECK (kind IN ('MOVED_HOUSE', 'CHANGED_POST', 'TRANSFERRED', 'EXPELLED', 'NAME_REMOVED')),
    occurred_on date NOT NULL,
    residence_cell_id uuid NOT NULL,
    workplace_cell_id uuid,
    note text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX residence_notice_member_idx ON residence_notice (member_id, occurred_on)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['residence_notice', 'residence_comment', 'residence_meeting_attendance', 'residence_meeting', 'residence_exemption', 'residence_link', 'member_transfer', 'member_inspection']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`DROP INDEX member_placement_cell_idx`.execute(db);
  await sql`ALTER TABLE member_placement DROP COLUMN transfer_id, DROP COLUMN kind`.execute(db);
  await sql`ALTER TABLE member DROP COLUMN full_name_folded`.execute(db);
}
