import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';

/** A tiny recursive schema for the unit tests: the rules must work on any schema, not only ours. */
export const TEST_TYPE_DEFS = `
  enum Kind { CELL WARD }
  type Node { id: ID! name: String child: Node kids(first: Int, limit: Int, kind: Kind): [Node!]! }
  type Query { node: Node nodes(first: Int, kind: Kind): [Node!]! }
`;

export const testSchema = buildSchema(TEST_TYPE_DEFS);

/** Errors of `query` under graphql-js's own rules plus `rules`, as Apollo Server runs them. */
export function validationErrors(query: string, rules: ValidationRule[]) {
  return validate(testSchema, parse(query), [...specifiedRules, ...rules]);
}

/** `depth` nested levels of fields as armor counts them: `node { id }` is 2. */
export function nested(depth: number, leaf = 'id'): string {
  return depth <= 1 ? leaf : `child { ${nested(depth - 1, leaf)} }`;
}

/** An ApolloServer over the tiny schema whose resolvers count how often anything was resolved. */
export async function testServer<Ctx extends BaseContext = BaseContext>(
  options: { plugins?: ApolloServerPlugin<Ctx>[]; validationRules?: ValidationRule[] } = {},
) {
  const resolved = { count: 0 };
  const node = (): Record<string, unknown> => {
    resolved.count++;
    return { id: '1', name: 'n', child: null, kids: [] };
  };
  const server = new ApolloServer<Ctx>({
    typeDefs: TEST_TYPE_DEFS,
    resolvers: { Query: { node, nodes: () => [node()] } },
    includeStacktraceInErrorResponses: false,
    ...options,
  });
  await server.start();
  return { server, resolved };
}
