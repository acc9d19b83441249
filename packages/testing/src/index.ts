export { createTestDatabase, testServerUrl, type TestDatabase } from './database.ts';
export { dataOf, postGraphQL, signIn, type GraphQLResponse } from './graphql.ts';
export { startTestSubgraph, TEST_EVENT_FEED_SECRET, type TestSubgraph } from './subgraph.ts';
export { callerWith, internalToken, testGatewayKeys } from './callers.ts';
export { eventually } from './eventually.ts';
// The demo data set is the fixture every test federation is seeded with: tests name its units and
// members through the harness, so no service depends on the demo-data package.
export { demoDataSet, demoId } from '@dangvien/demo-data';
