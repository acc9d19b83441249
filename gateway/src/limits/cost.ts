import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.ts';

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

/**
 * graphql-armor's cost estimate (objects 2, scalars 1, × 1.5 per level), except that a list is counted by
 * its page size whether `first` is written in the document or sent as a variable (armor multiplies by a
 * literal only, so `members(first: $n)` counted once). Lists without `first` are the bounded ones
 * (paging.ts: a field that takes `first` must be given it) and count once.
 */
export function operationCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const visited = new Map<string, number>();

  const pageSize = (node: ASTNode): number => {
    if (node.kind !== Kind.FIELD) return 1;
    const first = node.arguments?.find((argument) => argument.name.value === 'first' || argument.name.value === 'last');
    if (!first) return 1;
    const value = first.value.kind === Kind.VARIABLE ? variables[first.value.name.value] : valueFromASTUntyped(first.value);
    return typeof value === 'number' && value > 1 ? Math.floor(value) : 1;
  };

  const cost = (node: ASTNode): number => {
    if (node.kind === Kind.FIELD && node.name.value === '__schema') return 0; // bounded by graphql-js's own introspection depth rule
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const name = node.name.value;
      if (visited.has(name)) return SCALAR_COST + DEPTH_FACTOR * visited.get(name)!;
      visited.set(name, 0);
      const fragment = fragments.get(name);
      const inner = fragment ? cost(fragment) : 0;
      visited.set(name, inner);
      return SCALAR_COST + DEPTH_FACTOR * inner;
    }
    if (!('selectionSet' in node) || !node.selectionSet) return SCALAR_COST;
    let total = OBJECT_COST;
    for (const child of node.selectionSet.selections) total += DEPTH_FACTOR * cost(child);
    return total * pageSize(node);
  };

  return operation.selectionSet.selections.reduce((sum, child) => sum + cost(child), 0);
}

/**
 * Refuses an operation whose cost, with its variables, is above `maxCost`, before any subgraph is called.
 * The front ends' own operations (the manifest) are reviewed with their code and not counted: a roster
 * of 500 members at ten fields is over 5,000 and is what a cell's page needs.
 */
export function costPlugin(maxCost: number, trusted: (document: DocumentNode) => boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation || trusted(document)) return;
          const found = operationCost(document, operation, request.variables ?? {});
          if (found > maxCost) {
            throw new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${found}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'COST', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
