import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { GatewayContext } from '../context.ts';

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

/**
 * graphql-armor's cost estimate (objects 2, scalars 1, × 1.5 per level), except that a list is counted by
 * its page size whether `first` is written in the document or sent as a variable (armor multiplies by a
 * literal only, so `members(first: $n)` counted once), or by the default of its `first` when left out
 * (`searchOrgUnits`, 50). Lists that take no `first` are the bounded ones (docs/analysts.md) and count once.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const visited = new Map<string, number>();

  const pageSize = (node: ASTNode, parent: GraphQLNamedType | undefined): number => {
    if (node.kind !== Kind.FIELD) return 1;
    const first = node.arguments?.find((argument) => argument.name.value === 'first' || argument.name.value === 'last');
    const value = !first
      ? fieldOf(parent, node.name.value)?.args.find((argument) => argument.name === 'first')?.defaultValue
      : first.value.kind === Kind.VARIABLE
        ? variables[first.value.name.value]
        : valueFromASTUntyped(first.value);
    return typeof value === 'number' && value > 1 ? Math.floor(value) : 1;
  };

  /** The type whose fields `node`'s selections are. */
  const innerType = (node: ASTNode, parent: GraphQLNamedType | undefined): GraphQLNamedType | undefined => {
    if (node.kind === Kind.FIELD) {
      const field = fieldOf(parent, node.name.value);
      return field ? namedType(field.type) : undefined;
    }
    if ((node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.FRAGMENT_DEFINITION) && node.typeCondition) return schema.getType(node.typeCondition.name.value) ?? undefined;
    return parent;
  };

  const cost = (node: ASTNode, parent: GraphQLNamedType | undefined): number => {
    if (node.kind === Kind.FIELD && node.name.value === '__schema') return 0; // bounded by graphql-js's own introspection depth rule
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const name = node.name.value;
      if (visited.has(name)) return SCALAR_COST + DEPTH_FACTOR * visited.get(name)!;
      visited.set(name, 0);
      const fragment = fragments.get(name);
      const inner = fragment ? cost(fragment, parent) : 0;
      visited.set(name, inner);
      return SCALAR_COST + DEPTH_FACTOR * inner;
    }
    if (!('selectionSet' in node) || !node.selectionSet) return SCALAR_COST;
    const inner = innerType(node, parent);
    let total = OBJECT_COST;
    for (const child of node.selectionSet.selections) total += DEPTH_FACTOR * cost(child, inner);
    return total * pageSize(node, parent);
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return operation.selectionSet.selections.reduce((sum, child) => sum + cost(child, root), 0);
}

// By shape, not graphql's isObjectType/getNamedType: Apollo Server hands plugins a schema built by the
// CommonJS copy of graphql, and graphql's instanceof checks refuse objects of "another realm".
function fieldOf(type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return type && 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
}

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let inner: GraphQLOutputType = type;
  while ('ofType' in inner) inner = inner.ofType;
  return inner;
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
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation || trusted(document)) return;
          const found = operationCost(schema, document, operation, request.variables ?? {});
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
