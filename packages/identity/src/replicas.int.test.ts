import { createKysely } from '@dangvien/db';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import express from 'express';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityDatabase } from './database.ts';
import { createIdentity, type Identity } from './identity.ts';
import type { TokenResponse } from './identity-service.ts';
import { fakeClock, postJson, serve, type ErrorBody, type HttpServer } from './test-support.ts';

/**
 * Two gateway replicas, each with the embedded issuer, on one identity database and nothing else in
 * common: what one issued the other honours, and what one ended the other refuses. Sessions, refresh
 * tokens, signing keys and the sign-in failures behind the lockout all live in the database.
 */
const clock = fakeClock();
let database: TestDatabase;
let db: Kysely<IdentityDatabase>;
const replicas: { identity: Identity; server: HttpServer }[] = [];
const [A, B] = [0, 1];

beforeAll(async () => {
  database = await createTestDatabase('identity_replicas');
  // Started together on an empty database: both migrate and look for a signing key at once.
  const identities = await Promise.all([0, 1].map(() => createIdentity({ databaseUrl: database.url, now: clock.now })));
  for (const identity of identities) replicas.push({ identity, server: await serve(express().use(identity.router)) });
  await identities[0]!.seedDemoAccounts();
  db = createKysely<IdentityDatabase>(database.url, { maxConnections: 2 });
});
afterAll(async () => {
  for (const { identity, server } of replicas) {
    await server.close();
    await identity.close();
  }
  await db?.destroy();
  await database?.drop();
});

const url = (replica: number, path: string) => `${replicas[replica]!.server.url}${path}`;
const login = (replica: number, username: string, password: string) => postJson<TokenResponse & ErrorBody>(url(replica, '/auth/login'), { username, password });
const refresh = (replica: number, refreshToken: string) => postJson<TokenResponse & ErrorBody>(url(replica, '/auth/refresh'), { refreshToken });
const verifyAt = (replica: number, accessToken: string) => replicas[replica]!.identity.verifier(`Bearer ${accessToken}`);

describe('two gateway replicas on one identity database', () => {
  it('share one signing key, created once although both started on an empty database', async () => {
    expect(await db.selectFrom('signing_key').select('kid').execute()).toHaveLength(1);
    const signedIn = await login(A, 'bithu.tdp1', 'demo123');
    expect(signedIn.status).toBe(200);
    expect((await verifyAt(B, signedIn.body.accessToken)).subject).toBe(signedIn.body.user.id);
  });

  it('rotate a refresh token issued at A at B; its reuse at A is refused and ends the whole sign-in', async () => {
    const signedIn = await login(A, 'chiuy.tdp1', 'demo123');
    const rotated = await refresh(B, signedIn.body.refreshToken);
    expect(rotated.status).toBe(200);
    expect((await verifyAt(A, rotated.body.accessToken)).subject).toBe(signedIn.body.user.id);
    // The old token again, at the other replica: a copy in someone else's hands.
    expect((await refresh(A, signedIn.body.refreshToken)).status).toBe(401);
    expect((await refresh(B, rotated.body.refreshToken)).status).toBe(401);
    // B never looked at this sign-in (A remembers its last answer up to 5 s, docs/security.md).
    await expect(verifyAt(B, rotated.body.accessToken)).rejects.toThrow('Phiên làm việc đã kết thúc');
  });

  it('a sign-out at B stops the access token at A', async () => {
    const signedIn = await login(A, 'danguy.thitran', 'demo123');
    const signOut = await fetch(url(B, '/auth/logout'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: signedIn.body.refreshToken }) });
    expect(signOut.ok).toBe(true);
    // A has not looked at this sign-in yet (it remembers an answer 5 s): it asks the database.
    await expect(verifyAt(A, signedIn.body.accessToken)).rejects.toThrow('Phiên làm việc đã kết thúc');
  });

  it('count wrong passwords given at either replica toward one lockout', async () => {
    const created = await replicas[A]!.identity.createAccount({ username: 'khoa.hai.noi', displayName: 'Người dùng thử', password: 'mat-khau-dung', grants: [] });
    expect(created).toBeDefined();
    for (const replica of [A, B, A, B]) expect((await login(replica, 'khoa.hai.noi', 'sai')).status).toBe(401);
    // The fifth, at A, locks; the right password at B is refused too.
    expect((await login(A, 'khoa.hai.noi', 'sai')).status).toBe(423);
    const atB = await login(B, 'khoa.hai.noi', 'mat-khau-dung');
    expect(atB.status).toBe(423);
    expect(atB.body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('below the limit, the right password signs in at either replica (the lock does not fire early)', async () => {
    await replicas[B]!.identity.createAccount({ username: 'chua.khoa', displayName: 'Người dùng thử', password: 'mat-khau-dung', grants: [] });
    for (const replica of [A, B, A, B]) expect((await login(replica, 'chua.khoa', 'sai')).status).toBe(401);
    expect((await login(B, 'chua.khoa', 'mat-khau-dung')).status).toBe(200);
  });
});
