import { ROLES } from '@dangvien/auth';
import { createKysely } from '@dangvien/db';
import { createTestDatabase } from '@dangvien/testing';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-accounts.ts';
import type { IdentityDatabase } from './database.ts';
import type { TokenResponse } from './identity-service.ts';
import { createIdentity } from './identity.ts';
import { postJson, startTestIdentity, type TestIdentity } from './test-support.ts';

let test: TestIdentity;

beforeAll(async () => {
  test = await startTestIdentity('identity_factory');
});
afterAll(async () => test.close());

describe('createIdentity', () => {
  it('keeps its signing key in the database: a restarted identity verifies tokens and refreshes sessions of the first', async () => {
    await test.identity.createAccount({ username: 'ben.vung', displayName: 'Người dùng thử', password: 'mat-khau-dung', grants: [] });
    const issued = (await postJson<TokenResponse>(`${test.url}/auth/login`, { username: 'ben.vung', password: 'mat-khau-dung' })).body;
    const restarted = await test.restart();
    expect((await restarted.identity.verifier(`Bearer ${issued.accessToken}`)).subject).toBe(issued.user.id);
    expect((await postJson(`${restarted.url}/auth/refresh`, { refreshToken: issued.refreshToken })).status).toBe(200);
    // …and signs with the same key rather than adding one per start.
    const reissued = (await postJson<TokenResponse>(`${restarted.url}/auth/login`, { username: 'ben.vung', password: 'mat-khau-dung' })).body;
    expect(decodeProtectedHeader(reissued.accessToken).kid).toBe(decodeProtectedHeader(issued.accessToken).kid);
    const jwks = (await (await fetch(`${restarted.url}/auth/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });

  it('creates one signing key when several instances start together on an empty database', async () => {
    const database = await createTestDatabase('identity_race');
    const db = createKysely<IdentityDatabase>(database.url, { maxConnections: 1 });
    try {
      const identities = await Promise.all([1, 2, 3].map(() => createIdentity({ databaseUrl: database.url })));
      await Promise.all(identities.map((identity) => identity.close()));
      expect(await db.selectFrom('signing_key').select('kid').execute()).toHaveLength(1);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});

describe('demo accounts', () => {
  it('are seeded once however often seeding runs, and each signs in with its one grant', async () => {
    expect((await test.identity.seedDemoAccounts()).sort()).toEqual(DEMO_ACCOUNTS.map((account) => account.username).sort());
    expect(await test.identity.seedDemoAccounts()).toEqual([]);
    const usernames = DEMO_ACCOUNTS.map((account) => account.username);
    const accounts = await test.db.selectFrom('account').select(['id', 'username']).where('username', 'in', usernames).execute();
    expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    const grants = await test.db.selectFrom('account_grant').select('account_id').where('account_id', 'in', accounts.map((account) => account.id)).execute();
    expect(grants).toHaveLength(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      const response = await postJson<TokenResponse>(`${test.url}/auth/login`, { username: account.username, password: DEMO_PASSWORD });
      expect(response.body.user).toMatchObject({ name: account.displayName, grants: [{ role: account.role, scopeUnitId: account.scopeUnitId }] });
    }
  });

  it('cover every role once', () => {
    expect(DEMO_ACCOUNTS.map((account) => account.role).sort()).toEqual([...ROLES].sort());
  });
});
