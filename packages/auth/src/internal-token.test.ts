import { describe, expect, it } from 'vitest';
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
});
