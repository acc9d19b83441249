import type { JWK } from 'jose';

export declare const ISSUER: 'dangvien-gateway';
export declare const ALGORITHM: 'EdDSA';
export type Role = 'CELL_SECRETARY' | 'CELL_COMMITTEE' | 'WARD_COMMITTEE' | 'DISTRICT_BOARD' | 'ANALYST' | 'PROVINCIAL_SYSTEM' | 'ADMIN';
export declare const ROLES: readonly Role[];

/** One role over the subtree of one org unit. */
export interface Grant {
  role: Role;
  /** The root of the subtree this grant covers (an OrgUnit id). */
  scopeUnitId: string;
}

/** Who is calling, as the national gateway verified them. */
export interface Caller {
  /** Stable id of the account (`sub`). */
  subject: string;
  name: string;
  grants: Grant[];
}

export interface VerifierOptions {
  /** Your subgraph's name in the national manifest: tokens for any other subgraph are refused. */
  audience: string;
  /** The gateway's published keys, e.g. `https://gateway.example/internal/jwks.json`. */
  jwksUrl?: string;
  /** Or fixed public keys handed over out of band: a JWKS or a list of JWKs. */
  keys?: { keys: JWK[] } | JWK[];
  /** Allowed clock difference with the gateway; default 5. */
  clockToleranceSeconds?: number;
  /** How long a fetched JWKS is trusted; default 10 minutes (an unknown key id refetches sooner). */
  cacheMaxAgeMs?: number;
  /** Least time between two JWKS fetches; default 30 s. */
  cooldownMs?: number;
}

/** Verifies an `Authorization` header value (`Bearer …`) or a bare token; throws InternalTokenError to refuse. */
export type InternalTokenVerifier = (authorization: string | undefined | null) => Promise<Caller>;

export declare function createInternalTokenVerifier(options: VerifierOptions): InternalTokenVerifier;

export declare class InternalTokenError extends Error {
  readonly code: 'UNAUTHENTICATED';
  /** Why, for your log only; never send it to the caller. */
  readonly reason: string;
  constructor(reason: string);
}

export declare function readableScopes(caller: Caller): string[];

/** Whether one of the caller's grants (optionally of `roles`) covers a unit, given the unit's id and its ancestors' ids. */
export declare function isWithinScope(caller: Caller, unitPath: readonly string[], roles?: readonly Role[]): boolean;
