import { demoSeed } from '@dangvien/stack/demo-seed';
import { generateGatewayKeys, internalTokenSigner } from '@dangvien/auth';
import { demoId } from '@dangvien/demo-data';
import { evaluationSubgraph } from '@dangvien/evaluation';
import { membershipSubgraph } from '@dangvien/membership';
import { organizationSubgraph } from '@dangvien/organization';
import { callerWith, internalToken, postGraphQL, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Started = Pick<TestSubgraph<unknown>, 'url' | 'close' | 'queries'>;
const subgraphs: Record<string, Started> = {};
const caller = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) });

beforeAll(async () => {
  subgraphs.organization = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
  subgraphs.membership = await startTestSubgraph(membershipSubgraph, { seed: demoSeed.membership });
  subgraphs.evaluation = await startTestSubgraph(evaluationSubgraph, { seed: demoSeed.evaluation });
});
afterAll(async () => {
  await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.close()));
});

const OPERATIONS = {
  _service: '{ _service { sdl } }',
  _entities: 'query { _entities(representations: [{ __typename: "Member", id: "20000000-0000-4000-8000-000000000001" }]) { __typename } }',
  typename: '{ __typename }',
};

describe.each(['organization', 'membership', 'evaluation'])('the %s subgraph serves only the gateway', (name) => {
  it.each(Object.entries(OPERATIONS))('refuses %s without the gateway’s token with 401, before touching the database', async (_label, query) => {
    const subgraph = subgraphs[name]!;
    subgraph.queries.length = 0;
    const response = await postGraphQL(subgraph.url, query);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data ?? null).toBeNull();
    expect(subgraph.queries).toEqual([]);
  });

  it('refuses a token the gateway signed for another subgraph', async () => {
    const other = name === 'membership' ? 'evaluation' : 'membership';
    const response = await postGraphQL(subgraphs[name]!.url, OPERATIONS._service, {}, { authorization: `Bearer ${await internalToken(caller, other)}` });
    expect(response.status).toBe(401);
  });

  it('refuses a token signed with any other key', async () => {
    const forged = await (await internalTokenSigner((await generateGatewayKeys()).privateKey))(caller, name);
    const response = await postGraphQL(subgraphs[name]!.url, OPERATIONS._service, {}, { authorization: `Bearer ${forged}` });
    expect(response.status).toBe(401);
  });

  it('refuses a client’s own credentials passed as they are', async () => {
    const response = await postGraphQL(subgraphs[name]!.url, OPERATIONS._service, {}, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(response.status).toBe(401);
  });

  it('serves the gateway’s token', async () => {
    const response = await postGraphQL<{ _service: { sdl: string } }>(subgraphs[name]!.url, OPERATIONS._service, {}, {
      authorization: `Bearer ${await internalToken(caller, name)}`,
    });
    expect(response.status).toBe(200);
    expect(response.data?._service.sdl).toContain('@key');
  });
});
