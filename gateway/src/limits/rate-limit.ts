import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '@dangvien/auth';
import type { SqlClient } from '@dangvien/identity';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export const RATE_LIMITED_MESSAGE = 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.';

/**
 * At most `perMinute` requests per caller (`caller.subject`; every anonymous caller shares 'anonymous')
 * in a fixed one-minute window. With `store` (the gateway's identity database) the count is shared by
 * every gateway replica on that database, one upsert per request; without it, or while that database
 * does not answer, each process counts on its own (the library's insurance limiter), so an outage of
 * the counters never refuses or fails a request.
 *
 * Every request is counted as it starts, even one that then fails to parse, so a flood of invalid
 * operations is throttled too; the refusal is sent from `didResolveOperation`, the first hook whose
 * error Apollo answers as a client error (throwing earlier gives HTTP 500).
 */
export function rateLimitPlugin(perMinute: number, store?: SqlClient): ApolloServerPlugin<{ caller?: Caller; exportPage?: boolean }> {
  const limiter = sharedLimiter({ keyPrefix: 'graphql', points: perMinute, durationSeconds: 60 }, store);
  return {
    async requestDidStart({ contextValue }) {
      // An explorer export's pages: the export itself is one request (one at a time per user, explorer/).
      if (contextValue.exportPage) return {};
      const key = contextValue.caller?.subject || 'anonymous';
      // Resolves to the limiter's verdict when over the limit, null otherwise.
      const over = limiter.consume(key).then(
        () => null,
        (rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return rejection;
          throw rejection;
        },
      );
      // Observed now so a request that ends before didResolveOperation leaves no unhandled rejection.
      over.catch(() => undefined);
      return {
        async didResolveOperation() {
          const verdict = await over;
          if (verdict) throw rateLimited(verdict.msBeforeNext);
        },
      };
    },
  };
}

/**
 * A limiter of `points` per key and window, counted in `store` (the `rate_limit` table of the identity
 * database, so shared by every gateway replica) when given, else in this process; while the store does
 * not answer, in this process (the library's insurance limiter), so its outage never refuses anything.
 */
export function sharedLimiter(options: { keyPrefix: string; points: number; durationSeconds: number }, store: SqlClient | undefined): RateLimiterAbstract {
  const inProcess = new RateLimiterMemory({ keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds });
  if (!store) return inProcess;
  // The table comes from the identity migrations (tableCreated): no process creates tables at run time.
  return new RateLimiterPostgres({
    storeClient: store,
    storeType: 'pool',
    tableName: 'rate_limit',
    tableCreated: true,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
    insuranceLimiter: inProcess,
  });
}

function rateLimited(msBeforeNext: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(RATE_LIMITED_MESSAGE, {
    extensions: {
      code: 'RATE_LIMITED',
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
