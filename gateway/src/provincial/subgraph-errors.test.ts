import { describe, expect, it } from 'vitest';
import { formatGatewayError, SUBGRAPH_UNAVAILABLE } from './subgraph-errors.ts';

describe('the gateway’s formatError', () => {
  it('keeps a subgraph failure’s path and name and nothing else', () => {
    const formatted = formatGatewayError(
      { message: 'Hệ thống "x" tạm thời không trả lời', path: ['member', 'note'], extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph: 'x', serviceName: 'x', extra: 1 } },
      undefined,
    );
    expect(formatted).toEqual({ message: 'Hệ thống "x" tạm thời không trả lời', path: ['member', 'note'], extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph: 'x' } });
  });

  it('drops what a subgraph’s own error carries about its insides, keeping its code and name', () => {
    const formatted = formatGatewayError(
      {
        message: 'Không được phép.',
        path: ['member', 'note'],
        extensions: { code: 'FORBIDDEN', serviceName: 'x', exception: { stacktrace: ['at db.ts:1'] }, stacktrace: ['at db.ts:1'], response: { url: 'http://10.0.0.7/graphql', body: 'secret' } },
      },
      undefined,
    );
    expect(formatted).toEqual({ message: 'Không được phép.', path: ['member', 'note'], extensions: { code: 'FORBIDDEN', serviceName: 'x' } });
  });
});
