import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKysely } from '@dangvien/db';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import express, { type Express } from 'express';
import type { Kysely } from 'kysely';
import type { IdentityOptions } from './config.ts';
import type { IdentityDatabase } from './database.ts';
import { createIdentity, type Identity } from './identity.ts';

/** Helpers for this package's tests only (not exported from the package). */

export interface FakeClock {
  now: () => Date;
  advanceSeconds(seconds: number): void;
}

/** A clock the test moves: lockouts and expiries are tested without sleeping. */
export function fakeClock(start = new Date('2026-11-23T08:00:00Z')): FakeClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceSeconds: (seconds) => {
      current += seconds * 1000;
    },
  };
}

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

/** Serves an express app on a free port of 127.0.0.1. */
export async function serve(app: Express): Promise<HttpServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function postJson<T = Record<string, unknown>>(url: string, body: unknown, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The error body every refusal has. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; retryAfterSeconds?: number };
}

/** An identity on a database the test owns, its router served over real HTTP. */
export interface TestIdentity {
  identity: Identity;
  /** Base URL of the express app the router is mounted in. */
  url: string;
  database: TestDatabase;
  /** Direct access for assertions on stored rows (audit, counts). */
  db: Kysely<IdentityDatabase>;
  /** Another identity on the same database, served too (a restart, another gateway instance). */
  restart(options?: Omit<IdentityOptions, 'databaseUrl'>): Promise<{ identity: Identity; url: string }>;
  close(): Promise<void>;
}

export async function startTestIdentity(label: string, options: Omit<IdentityOptions, 'databaseUrl'> = {}): Promise<TestIdentity> {
  const database = await createTestDatabase(label);
  const closers: (() => Promise<void>)[] = [];
  const start = async (startOptions: Omit<IdentityOptions, 'databaseUrl'>) => {
    const identity = await createIdentity({ ...startOptions, databaseUrl: database.url });
    const server = await serve(express().use(identity.router));
    closers.push(server.close, identity.close);
    return { identity, url: server.url };
  };
  const first = await start(options);
  const db = createKysely<IdentityDatabase>(database.url, { maxConnections: 2 });
  return {
    ...first,
    database,
    db,
    restart: (restartOptions = options) => start(restartOptions),
    close: async () => {
      for (const close of closers) await close();
      await db.destroy();
      await database.drop();
    },
  };
}
