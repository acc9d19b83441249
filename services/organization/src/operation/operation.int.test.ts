import { demoSeed } from '@dangvien/stack/demo-seed';
import { demoId, startTestSubgraph } from '@dangvien/testing';
import { describe, expect, it } from 'vitest';
import { organizationSubgraph } from '../subgraph.ts';
import { completePart, insertOperation } from './operation.repository.ts';

describe('an operation', () => {
  it('completes when its last parts commit concurrently, from different feeds', async () => {
    const subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
    try {
      const id = '20000000-0000-4000-8000-000000000001';
      const unitId = demoId('unit', 101);
      await subgraph.db.transaction().execute((trx) =>
        insertOperation(trx, { id, kind: 'DISSOLVE_ORG_UNIT', subjectId: unitId, requestedBy: 'test', parts: [{ part: 'membership', unitId }, { part: 'evaluation', unitId }] }),
      );
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstApplied!: () => void;
      const applied = new Promise<void>((resolve) => (firstApplied = resolve));
      // The membership part is applied but not yet committed while the evaluation part arrives.
      const first = subgraph.db.transaction().execute(async (trx) => {
        await completePart(trx, id, 'membership', unitId, { moved: 1 });
        firstApplied();
        await held;
      });
      await applied;
      const second = subgraph.db.transaction().execute((trx) => completePart(trx, id, 'evaluation', unitId, { updated: 1 }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      await Promise.all([first, second]);
      const operation = await subgraph.db.selectFrom('operation').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      expect(operation.status).toBe('COMPLETED');
    } finally {
      await subgraph.close();
    }
  });
});
