import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { SubgraphBreaker } from './breaker.ts';
import { missingPartResponse } from './missing-part.ts';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface ResilientOptions {
  subgraph: string;
  url: string;
  /** Deadline of one request to this subgraph, body included. */
  timeoutMs: number;
  breaker: SubgraphBreaker;
}

/**
 * A subgraph request that cannot fail the whole operation: past its own deadline, refused, or answered
 * with an HTTP error or no JSON, it answers as a GraphQL response with errors and no data, so the gateway
 * keeps every other subgraph's data and leaves this part null (missing-part.ts). The cause is logged
 * here, never sent to the client.
 */
export class ResilientDataSource<TContext extends object> extends RemoteGraphQLDataSource<TContext & Record<string, unknown>> {
  protected readonly subgraph: string;
  private readonly breaker: SubgraphBreaker;

  constructor(options: ResilientOptions) {
    // Node's own fetch (undici, keep-alive pool) instead of Apollo's default make-fetch-happen, whose
    // HTTP-cache and proxy layers cost CPU on every subgraph request and do nothing for us.
    super({
      url: options.url,
      fetcher: (url, init) => fetch(url, { ...(init as RequestInit), signal: AbortSignal.timeout(options.timeoutMs) }) as never,
    });
    this.subgraph = options.subgraph;
    this.breaker = options.breaker;
  }

  override async process(options: GraphQLDataSourceProcessOptions<TContext & Record<string, unknown>>): Promise<GatewayGraphQLResponse> {
    // Health checks and schema loading are not parts of an answer.
    if (!('incomingRequestContext' in options)) return super.process(options);
    const mutation = options.incomingRequestContext.operation?.operation === 'mutation';
    if (this.breaker.isOpen(this.subgraph)) return missingPartResponse(this.subgraph, options.request.query, mutation);
    try {
      const response = await super.process(options);
      this.breaker.succeeded(this.subgraph);
      return response;
    } catch (error) {
      this.breaker.failed(this.subgraph);
      console.error(`[gateway] subgraph ${this.subgraph} failed: ${describeFailure(error)}`);
      return missingPartResponse(this.subgraph, options.request.query, mutation);
    }
  }
}

/** A line for the operator's log: the kind of failure, not the response body (it may quote personal data). */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status;
  if (status) return `HTTP ${status}`;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return `${error.name}${cause ? ` (${cause})` : ''}: ${error.message}`;
}
