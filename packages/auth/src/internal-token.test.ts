import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Caller } from './caller.ts';
import { generateGatewayKeys, internalTokenSigner, internalTokenVerifier } from './internal-token.ts';

const caller: Caller = { subject: 'u1', name: 'Bí thư chi bộ', grants: [{ role: 'CELL_SECRETARY', scopeUnitId: 'cell-1' }] };

describe('internal tokens', () => {
  it('carry the caller from the gateway to the subgraph they were signed for', async () => {
    const keys = await generateGatewayKeys();
    const token = await (await internalTokenSigner(keys.privateKey))(caller, 'membership');
    expect(await (await internalTokenVerifier(keys.publicKey, 'membership'))(token)).toEqual(caller);
  });

  it('are refused by another subgraph', async () => {
    const keys = await generateGatewayKeys();
    const token = await (await internalTokenSigner(keys.privateKey))(caller, 'membership');
    await expect((await internalTokenVerifier(keys.publicKey, 'evaluation'))(token)).rejects.toThrow(/aud/);
  });

  it('are refused when signed with another key', async () => {
    const [ours, theirs] = await Promise.all([generateGatewayKeys(), generateGatewayKeys()]);
    const forged = await (await internalTokenSigner(theirs.privateKey))(caller, 'membership');
    await expect((await internalTokenVerifier(ours.publicKey, 'membership'))(forged)).rejects.toThrow(/signature/);
  });

  it('drop grants with an unknown role', async () => {
    const keys = await generateGatewayKeys();
    const tampered = { ...caller, grants: [...caller.grants, { role: 'SUPERUSER', scopeUnitId: 'root' }] } as unknown as Caller;
    const token = await (await internalTokenSigner(keys.privateKey))(tampered, 'membership');
    expect((await (await internalTokenVerifier(keys.publicKey, 'membership'))(token)).grants).toEqual(caller.grants);
  });

  describe('reuse', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('gives the same token to the same caller and subgraph for 30 s, then a new one; another caller or subgraph gets its own', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const keys = await generateGatewayKeys();
      const sign = await internalTokenSigner(keys.privateKey);
      const first = await sign(caller, 'membership');
      expect(await sign({ ...caller, grants: [...caller.grants] }, 'membership')).toBe(first);
      expect(await sign(caller, 'evaluation')).not.toBe(first);
      expect(await sign({ ...caller, grants: [{ role: 'WARD_COMMITTEE', scopeUnitId: 'ward-1' }] }, 'membership')).not.toBe(first);
      vi.advanceTimersByTime(31_000);
      expect(await sign(caller, 'membership')).not.toBe(first);
    });

    it('refuses a token it verified before once the token has expired, and returns a new Caller each time', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const keys = await generateGatewayKeys();
      const token = await (await internalTokenSigner(keys.privateKey))(caller, 'membership');
      const verify = await internalTokenVerifier(keys.publicKey, 'membership');
      const once = await verify(token);
      const twice = await verify(token);
      expect(twice).toEqual(caller);
      expect(twice).not.toBe(once); // per-request memos key on the Caller object
      vi.advanceTimersByTime(61_000);
      await expect(verify(token)).rejects.toThrow(/exp/);
    });
  });
});
