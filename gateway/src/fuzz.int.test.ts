import { readFileSync } from 'node:fs';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { demoDataSet, demoId } from '@dangvien/demo-data';
import { callerWith } from '@dangvien/testing';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';
import { SUPERGRAPH_PATH } from './manifest.ts';

/**
 * Every mutation of the supergraph, called through the gateway as a provincial administrator with
 * random and hostile strings, dates, ids and numbers in every argument: no answer is
 * INTERNAL_SERVER_ERROR or anything but JSON, and a refused call changes no row in any database.
 */
const apiSchema = buildSchema(printSchema(Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema()));
const mutations = Object.values(apiSchema.getMutationType()!.getFields());
const demo = demoDataSet();
const ids = [...demo.orgUnits.slice(0, 20).map((unit) => unit.id), ...demo.members.slice(0, 20).map((member) => member.id)];

const HOSTILE = [
  '', ' ', '\u0000', 'Nguyễn\u0000Văn', '\u001b[2J', '\u200b\u200b', '\u202eesrever', '\ufeffBOM', 'Nguye\u0303n Thi\u0323', 'a'.repeat(5000),
  "'; DROP TABLE member; --", '<script>alert(1)</script>', '{{7*7}}', '${jndi:ldap://x}', '../../etc/passwd', '\ud800', '👍🏽👨‍👩‍👧', 'null', 'undefined',
  '2026-02-30', '2025-13-01', '0000-00-00', '9999-12-31', '1899-12-31', '2100-01-01', '2026-1-1', '2026-01-01T00:00:00Z', '31/12/2025', '-1', '1e400', 'NaN',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '036190001234', '999999999999',
];
const pastDay = fc.date({ min: new Date('1950-01-01'), max: new Date('2026-11-30'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const plausible = fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình', 'Kinh', 'Không', 'Chi bộ mới', '12-QĐ/HU', 'Họp thường kỳ', '036190001234', 'ND-XT-1-1');
const text = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: plausible },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)) },
);
/** Arguments whose name says they hold a day: mostly real past days, some hostile. */
const day = fc.oneof({ weight: 3, arbitrary: pastDay }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) });
const DAY_NAME = /(On|Date|From|To|Since|Until|date|Day)$/;
const id = fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.constantFrom(...HOSTILE));

function valueOf(type: GraphQLInputType, depth = 0, required = false, name = ''): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth, true, name);
  // A value the variable's type accepts (else graphql-js refuses it before anything of ours runs), null only where allowed.
  const nullable = (arbitrary: fc.Arbitrary<unknown>) => (required ? arbitrary : fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: fc.constant(null) }));
  if (isListType(type)) return nullable(fc.array(valueOf(type.ofType, depth + 1, false, name), { maxLength: 2 }));
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((value) => value.name)));
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const required = Object.fromEntries(fields.filter((field) => isNonNullType(field.type)).map((field) => [field.name, valueOf(field.type, depth + 1, false, field.name)]));
    const optional = Object.fromEntries(fields.filter((field) => !isNonNullType(field.type)).map((field) => [field.name, valueOf(field.type, depth + 1, false, field.name)]));
    return nullable(fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) }));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return nullable(id);
      case 'Int': return nullable(fc.oneof(fc.integer({ min: -2, max: 3000 }), fc.constantFrom(2_147_483_647, -2_147_483_648)));
      case 'Float': return nullable(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }));
      case 'Boolean': return nullable(fc.boolean());
      default: return nullable(DAY_NAME.test(name) ? day : text);
    }
  }
  return fc.constant(null);
}

function operation(field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const passed = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `mutation Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

const call = fc.constantFrom(...mutations).chain((field) =>
  fc.record(Object.fromEntries(field.args.map((argument) => [argument.name, valueOf(argument.type, 0, false, argument.name)]))).map((variables) => ({ field, variables })),
);

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) }), { env: { GRAPHQL_RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => federation?.close());

/** Rows in every table of every subgraph database: a refused call must leave each count as it was. */
async function rowCounts(): Promise<number[]> {
  return Promise.all(
    [federation.organization, federation.membership, federation.evaluation].map(async (subgraph) => {
      const db = subgraph.db as Kysely<unknown>;
      const result = await sql<{ rows: string }>`SELECT coalesce(sum((xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text::bigint), 0) AS rows
        FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
      return Number(result.rows[0]!.rows);
    }),
  );
}

/** Valid calls: the fuzz below replaces one string of each with a hostile one, so that only that string can be refused. */
const cell = demo.orgUnits.find((unit) => unit.kind === 'CELL')!;
const member = demo.members.find((candidate) => candidate.cellId === cell.id)!;
const VALID: { query: string; variables: () => Record<string, unknown> }[] = [
  {
    query: 'mutation Fuzz($input: CreateMemberInput!) { createMember(input: $input) { id } }',
    variables: () => ({ input: { profile: { fullName: 'Nguyễn Văn Thử', dateOfBirth: '1985-03-02', ethnicity: 'Kinh', religion: 'Không', hometown: 'Xuân Trường', occupation: 'Nông dân' }, cellId: cell.id, admittedOn: '2010-01-01', admissionDecisionNumber: '12-QĐ/HU' } }),
  },
  {
    query: 'mutation Fuzz($id: ID!, $input: MemberProfileInput!) { updateMemberProfile(id: $id, input: $input) { id } }',
    variables: () => ({ id: member.id, input: { fullName: member.fullName, hometown: 'Xuân Hồng', residence: 'Tổ dân phố số 1', workplace: 'Hợp tác xã', occupation: 'Giáo viên' } }),
  },
  {
    query: 'mutation Fuzz($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id } }',
    variables: () => ({ input: { id: cell.id, name: 'Chi bộ Tổ dân phố số 1', effectiveDate: '2025-06-01', decisionNumber: '15-QĐ/ĐU' } }),
  },
];

/** Paths of the string leaves of a value. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}
function replaced(value: Record<string, unknown>, path: (string | number)[], by: string): Record<string, unknown> {
  const copy = structuredClone(value);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = by;
  return copy;
}
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 10 }).map((inner) => `An${inner}\u0000${inner}`));
const oneHostileString = fc.constantFrom(...VALID).chain((call) => {
  const base = call.variables();
  return fc.tuple(fc.constantFrom(...stringPaths(base)), hostileString).map(([path, by]) => ({ query: call.query, name: /\{ (\w+)\(/.exec(call.query)![1]!, path, variables: replaced(base, path, by) }));
});

describe('fuzzing every mutation through the gateway', () => {
  it('one hostile string in an otherwise valid call: refused (BAD_USER_INPUT) or stored clean, never INTERNAL_SERVER_ERROR; a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(oneHostileString, async ({ query, name, path, variables }) => {
        const before = await rowCounts();
        const response = await fetch(federation.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
        const raw = await response.text();
        expect(response.headers.get('content-type'), raw).toMatch(/^application\/(graphql-response\+)?json/);
        const body = JSON.parse(raw) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
        const codes = (body.errors ?? []).map((error) => error.extensions?.code);
        expect(codes, `${name} ${path.join('.')}=${JSON.stringify(path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], variables))} → ${raw.slice(0, 300)}`).not.toContain('INTERNAL_SERVER_ERROR');
        if (body.errors?.length && !body.data?.[name]) expect(await rowCounts()).toEqual(before);
        else await federation.catchUp();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) / 2, endOnFailure: true },
    );
  }, 600_000);

  it(`${mutations.length} mutations: never INTERNAL_SERVER_ERROR or HTML, and a refusal changes nothing`, async () => {
    const seen = new Map<string, number>();
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(call, async ({ field, variables }) => {
        const before = await rowCounts();
        const response = await fetch(federation.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: operation(field), variables }),
        });
        const raw = await response.text();
        expect(response.headers.get('content-type'), raw).toMatch(/^application\/(graphql-response\+)?json/);
        const body = JSON.parse(raw) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
        const codes = (body.errors ?? []).map((error) => error.extensions?.code);
        for (const code of codes.length ? codes : ['OK']) outcomes.set(String(code), (outcomes.get(String(code)) ?? 0) + 1);
        expect(codes, `${field.name} ${JSON.stringify(variables).slice(0, 500)} → ${raw.slice(0, 500)}`).not.toContain('INTERNAL_SERVER_ERROR');
        seen.set(field.name, (seen.get(field.name) ?? 0) + 1);
        if (body.errors?.length && !body.data?.[field.name]) {
          expect(await rowCounts(), `${field.name} was refused but changed rows: ${JSON.stringify(variables).slice(0, 300)}`).toEqual(before);
        } else {
          await federation.catchUp(); // its events applied now, not during the next call's count
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), endOnFailure: true, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect(seen.size).toBeGreaterThan(mutations.length / 2);
    console.log('[fuzz] outcomes:', Object.fromEntries(outcomes));
  }, 600_000);
});
