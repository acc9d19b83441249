import type { VerifierOptions } from '@dangvien/internal-token-verifier';

export interface ProvincialConfig {
  /** This subgraph's name in the national manifest: the audience of the tokens it accepts. */
  subgraphName: string;
  port: number;
  host: string;
  databaseUrl: string;
  /** Where the gateway's public keys come from: its JWKS URL, or fixed keys handed over. */
  keys: Pick<VerifierOptions, 'jwksUrl' | 'keys'>;
}

/** Configuration from the environment; every name is documented in README.md. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ProvincialConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: this subgraph keeps its records in its own PostgreSQL database.');
  const jwksUrl = env.GATEWAY_JWKS_URL;
  const fixedKeys = env.GATEWAY_PUBLIC_KEYS;
  if (!jwksUrl && !fixedKeys) throw new Error('Set GATEWAY_JWKS_URL (the gateway’s /internal/jwks.json) or GATEWAY_PUBLIC_KEYS (its public keys as a JWKS or a JWK).');
  return {
    subgraphName: env.SUBGRAPH_NAME ?? 'provincial-training',
    port: Number(env.PORT ?? 4100),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    keys: jwksUrl ? { jwksUrl } : { keys: parseKeys(fixedKeys!) },
  };
}

function parseKeys(text: string): NonNullable<VerifierOptions['keys']> {
  const parsed = JSON.parse(text) as { keys?: unknown } | unknown[];
  if (Array.isArray(parsed)) return parsed as NonNullable<VerifierOptions['keys']>;
  if (parsed && typeof parsed === 'object' && 'keys' in parsed) return parsed as NonNullable<VerifierOptions['keys']>;
  return [parsed] as NonNullable<VerifierOptions['keys']>;
}
