import type { Caller } from '@dangvien/auth';
import { evaluationSubgraph } from '@dangvien/evaluation';
import { membershipSubgraph } from '@dangvien/membership';
import { organizationSubgraph } from '@dangvien/organization';
import type { RunningServer } from '@dangvien/server';
import { startGateway, type GatewayOptions } from '@dangvien/gateway';
import { postGraphQL, startTestSubgraph, testGatewayKeys, type GraphQLResponse, type TestSubgraph } from '@dangvien/testing';
import { demoSeed } from './demo-seed/index.ts';

export type AnySubgraph = TestSubgraph<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each subgraph has its own database type

export interface TestFederation {
  gateway: RunningServer;
  organization: AnySubgraph;
  membership: AnySubgraph;
  evaluation: AnySubgraph;
  urls(): { organization: string; membership: string; evaluation: string };
  /** Lets every consumer apply everything published so far (twice: answers to answers). */
  catchUp(): Promise<void>;
  /** Sends an operation through the gateway, as the current caller. */
  post<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs `work` with `who` as the caller of every request it makes, then goes back. */
  as<T>(who: Caller, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The three subgraphs on fresh demo databases, their event feeds connected, and the gateway in front,
 * all over real HTTP in this process. `caller()` decides who each request is from.
 */
export async function startTestFederation(caller: () => Caller, options: Partial<GatewayOptions> = {}): Promise<TestFederation> {
  const organization: AnySubgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
  const membership: AnySubgraph = await startTestSubgraph(membershipSubgraph, { seed: demoSeed.membership });
  const evaluation: AnySubgraph = await startTestSubgraph(evaluationSubgraph, { seed: demoSeed.evaluation });
  const urls = () => ({ organization: organization.url, membership: membership.url, evaluation: evaluation.url });
  let acting: Caller | undefined;
  for (const subgraph of [organization, membership, evaluation]) subgraph.connect(urls());
  const gateway = await startGateway({
    port: 0,
    privateKey: (await testGatewayKeys()).privateKey,
    authenticate: async () => acting ?? caller(),
    ...options,
    // Tests play every kind of client, so any operation by default; persisted-operation tests set `manifest`.
    env: { ORGANIZATION_URL: organization.url, MEMBERSHIP_URL: membership.url, EVALUATION_URL: evaluation.url, GRAPHQL_UI_OPERATIONS: 'any', ...options.env },
  });
  const catchUp = async (): Promise<void> => {
    for (let round = 0; round < 2; round++) {
      for (const subgraph of [membership, evaluation, organization]) for (const consumer of subgraph.consumers) await consumer.catchUp();
    }
  };
  await catchUp();
  return {
    gateway,
    organization,
    membership,
    evaluation,
    urls,
    catchUp,
    post: (query, variables = {}) => postGraphQL(gateway.url, query, variables),
    as: async (who, work) => {
      const previous = acting;
      acting = who;
      try {
        return await work();
      } finally {
        acting = previous;
      }
    },
    close: async () => {
      await gateway.close();
      await Promise.all([organization, membership, evaluation].map((subgraph) => subgraph.close()));
    },
  };
}
