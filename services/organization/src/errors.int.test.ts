import { demoSeed } from '@dangvien/stack/demo-seed';
import { startTestSubgraph } from '@dangvien/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { organizationSubgraph } from './subgraph.ts';

describe('an unexpected failure', () => {
  it('reaches the client as a stable code and a plain sentence, never the database’s message', async () => {
    const subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
    try {
      await sql`ALTER TABLE org_unit RENAME TO org_unit_gone`.execute(subgraph.db);
      const response = await subgraph.post('{ orgUnits(kind: CELL) { id } }');
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(response.errors?.[0]?.message).toBe('Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.');
      expect(JSON.stringify(response)).not.toMatch(/org_unit|relation|stack/i);
    } finally {
      await subgraph.close();
    }
  });
});
