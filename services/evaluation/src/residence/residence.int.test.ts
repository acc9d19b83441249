import type { DomainEvent } from '@dangvien/events';
import { demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberLackingResidenceComment } from '../cycle/cycle.repository.ts';
import type { EvaluationDatabase } from '../database.ts';
import { membershipEventHandlers } from '../replica/member-replica.ts';
import { evaluationSubgraph } from '../subgraph.ts';

/** Regulation 213 as evaluation sees it from membership's events: who still lacks the residence's comment for a year. */
const residence = demoId('unit', 101);
const [linked, commented, endedBefore, neverLinked] = [1, 2, 3, 4].map((n) => demoId('member', 950 + n)) as [string, string, string, string];

let subgraph: TestSubgraph<EvaluationDatabase>;
let position = 0;
const apply = async (type: string, payload: Record<string, unknown>) => {
  position += 1;
  const event: DomainEvent = { position, id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`, type, aggregateId: String(payload.memberId), payload, occurredAt: '2025-01-01T03:00:00.000Z' };
  await subgraph.db.transaction().execute((trx) => membershipEventHandlers[type]!(trx, event));
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(evaluationSubgraph);
  await apply('ResidenceLinked', { memberId: linked, residenceCellId: residence, validFrom: '2025-01-10' });
  await apply('ResidenceLinked', { memberId: commented, residenceCellId: residence, validFrom: '2024-05-01' });
  await apply('ResidenceCommentRecorded', { memberId: commented, year: 2025, residenceCellId: residence, recordedOn: '2025-11-20' });
  await apply('ResidenceLinked', { memberId: endedBefore, residenceCellId: residence, validFrom: '2023-01-01' });
  await apply('ResidenceLinked', { memberId: endedBefore, residenceCellId: null, validFrom: '2024-06-01' });
});
afterAll(async () => subgraph?.close());

const lacking = async (memberId: string, year = 2025) => (await memberLackingResidenceComment(subgraph.db, [memberId], year)) ?? null;

describe('residence comments (Regulation 213)', () => {
  it('finds a member linked during the year without the year’s comment', async () => {
    expect(await lacking(linked)).toBe(linked);
    expect(await lacking(commented, 2024)).toBe(commented);
  });

  it('passes a member with the comment, one whose link ended before the year, and one never linked', async () => {
    expect(await lacking(commented)).toBeNull();
    expect(await lacking(endedBefore)).toBeNull();
    expect(await lacking(neverLinked)).toBeNull();
  });
});
