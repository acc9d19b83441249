export { createTestDatabase, testServerUrl, type TestDatabase } from './database.ts';
export { postGraphQL, signIn, type GraphQLResponse } from './graphql.ts';
export { startTestSubgraph, TEST_EVENT_FEED_SECRET, type TestSubgraph } from './subgraph.ts';
export { callerWith, internalToken, testGatewayKeys } from './callers.ts';
export { eventually } from './eventually.ts';
