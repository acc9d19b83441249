import { describe, expect, it } from 'vitest';
import { limitsConfig } from './config.ts';

describe('limitsConfig', () => {
  it('has defaults sized for our schema', () => {
    expect(limitsConfig({})).toEqual({
      maxDepth: 10,
      maxAliases: 15,
      maxTokens: 1000,
      maxDirectives: 10,
      maxCost: 20_000,
      maxPageSize: 500,
      rateLimitPerMinute: 300,
      timeoutMs: 10_000,
      production: true,
      uiOperationsOnly: true,
    });
  });

  it('has production defaults unless DANGVIEN_DEV=1, and always with NODE_ENV=production', () => {
    expect(limitsConfig({ DANGVIEN_DEV: '1' }).production).toBe(false);
    expect(limitsConfig({ DANGVIEN_DEV: 'true' }).production).toBe(true);
    expect(limitsConfig({ DANGVIEN_DEV: '1', NODE_ENV: 'production' }).production).toBe(true);
  });

  it('limits front-end sessions to the manifest in production, unless GRAPHQL_UI_OPERATIONS=any', () => {
    expect(limitsConfig({ DANGVIEN_DEV: '1' }).uiOperationsOnly).toBe(false);
    expect(limitsConfig({ DANGVIEN_DEV: '1', GRAPHQL_UI_OPERATIONS: 'manifest' }).uiOperationsOnly).toBe(true);
    expect(() => limitsConfig({ GRAPHQL_UI_OPERATIONS: 'off' })).toThrow(/GRAPHQL_UI_OPERATIONS/);
  });

  it('takes each limit from its variable', () => {
    const config = limitsConfig({
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_ALIASES: '8',
      GRAPHQL_MAX_TOKENS: '900',
      GRAPHQL_MAX_DIRECTIVES: '3',
      GRAPHQL_MAX_COST: '4000',
      GRAPHQL_MAX_PAGE_SIZE: '100',
      GRAPHQL_RATE_LIMIT_PER_MINUTE: ' 60 ',
      GRAPHQL_TIMEOUT_MS: '2500',
      GRAPHQL_UI_OPERATIONS: 'any',
      NODE_ENV: 'production',
    });
    expect(config).toEqual({
      maxDepth: 7,
      maxAliases: 8,
      maxTokens: 900,
      maxDirectives: 3,
      maxCost: 4000,
      maxPageSize: 100,
      rateLimitPerMinute: 60,
      timeoutMs: 2500,
      production: true,
      uiOperationsOnly: false,
    });
  });

  it.each(['0', '-1', '1.5', 'ten', '1e400'])('refuses %s rather than weaken a limit', (value) => {
    expect(() => limitsConfig({ GRAPHQL_MAX_DEPTH: value })).toThrow(/GRAPHQL_MAX_DEPTH/);
  });
});
