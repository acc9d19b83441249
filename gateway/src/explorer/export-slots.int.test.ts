import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Caller } from '@dangvien/auth';
import { openGatewayStateStore, type GatewayStateStore, type SqlClient } from '@dangvien/identity';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import express from 'express';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.ts';
import { explorerRouter } from './explorer-router.ts';

/**
 * One explorer export at a time per user, whichever gateway replica runs it: two replicas' explorer
 * APIs on one identity database. An export held open at replica A refuses a second one at B
 * (a per-process count would let B run it); when A's ends, B may start one.
 */
const analyst: Caller = { subject: 'analyst-1', name: 'Chuyên viên', grants: [] };
const schema = buildSchema('type Query { n: Int }');
let database: TestDatabase;
const stores: GatewayStateStore[] = [];
const servers: Server[] = [];
let release: () => void = () => undefined;
let held = Promise.resolve();
let pagesAsked = 0;

/** A replica's explorer API whose pages wait for `held` (the export stays running until released). */
async function replica(store: SqlClient | undefined): Promise<string> {
  const apollo = {
    executeOperation: async () => {
      pagesAsked += 1;
      await held;
      return { body: { kind: 'single', singleResult: { data: { n: 1 } } } };
    },
  } as unknown as ApolloServer<GatewayContext>;
  const app = express().use('/explorer', explorerRouter({ apollo, schema, authenticate: async () => analyst, sharedStore: store, dist: '/nonexistent/' }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/explorer/api/exports`;
}

// A refusal comes at once; an export let through would wait for its page (the limit did not hold).
const startExport = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ n }', format: 'csv' }), signal: AbortSignal.timeout(10_000) });

beforeAll(async () => {
  database = await createTestDatabase('explorer_export_slots');
  for (let index = 0; index < 2; index++) stores.push(await openGatewayStateStore(database.url));
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  for (const store of stores) await store.close();
  await database?.drop();
});

function hold(): void {
  held = new Promise<void>((resolve) => {
    release = resolve;
  });
}

describe('explorer exports across gateway replicas', () => {
  it('refuses a second export of the same user at another replica while the first runs, and allows it after', async () => {
    const [a, b] = [await replica(stores[0]!.client), await replica(stores[1]!.client)];
    hold();
    const first = startExport(a);
    // A has taken the user's slot once it asks for its first page.
    while (pagesAsked === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await startExport(b);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    release();
    expect((await first).status).toBe(200);
    const again = await startExport(b);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('1');
  });
});
