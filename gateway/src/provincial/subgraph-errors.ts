import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { maskUnexpectedErrors } from '@dangvien/server';
import { Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** The code of an error that stands for a subgraph's fields left null because it failed. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/**
 * A subgraph that did not answer (down, refused our token, answered an HTTP error or no JSON), as the
 * client sees it: its fields null, one error per field with that field's path and the subgraph's name.
 * Never its internal URL, its HTTP body or the exception: those go to the log.
 */
export function subgraphFailure(subgraph: string, options: GraphQLDataSourceProcessOptions, error: unknown): GatewayGraphQLResponse {
  console.error(`[gateway] subgraph "${subgraph}" failed: ${describe(error)}`);
  const message = `Hệ thống "${subgraph}" tạm thời không trả lời; các thông tin của hệ thống này để trống.`;
  const extensions = { code: SUBGRAPH_UNAVAILABLE, subgraph };
  const document = ('document' in options ? options.document : undefined) ?? parseQuietly(options.request.query);
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return { errors: [{ message, extensions }] };
  const rootFields = responseKeys(operation.selectionSet);
  if (!rootFields.includes('_entities')) {
    // A root fetch: the gateway prefixes nothing, so each root field's own key is its path.
    return { data: null, errors: rootFields.map((key) => ({ message, path: [key], extensions })) };
  }
  // An entity fetch: `_entities.<i>` paths are mapped by the gateway onto the entity's place in the answer.
  const entityFields = entitySelections(operation.selectionSet);
  const representations = (options.request.variables?.representations ?? []) as { __typename?: string }[];
  return {
    data: { _entities: representations.map(() => null) },
    errors: representations.flatMap((representation, index) =>
      (entityFields.get(representation.__typename ?? '') ?? []).map((key) => ({ message, path: ['_entities', index, key], extensions })),
    ),
  };
}

function parseQuietly(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

function responseKeys(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection.alias?.value ?? selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return responseKeys(selection.selectionSet);
    return [];
  });
}

/** The fields asked of each entity type in `_entities(…) { … on Member { cadreRank } }`. */
function entitySelections(root: SelectionSetNode): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const selection of root.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities' || !selection.selectionSet) continue;
    for (const fragment of selection.selectionSet.selections) {
      if (fragment.kind !== Kind.INLINE_FRAGMENT || !fragment.typeCondition) continue;
      const type = fragment.typeCondition.name.value;
      byType.set(type, [...(byType.get(type) ?? []), ...responseKeys(fragment.selectionSet)]);
    }
  }
  return byType;
}

function describe(error: unknown): string {
  const failure = error as { message?: string; extensions?: { response?: { status?: number } }; cause?: { code?: string } };
  const status = failure.extensions?.response?.status;
  return [status ? `HTTP ${status}` : undefined, failure.cause?.code, failure.message].filter(Boolean).join(' ');
}

const INTERNAL_EXTENSIONS = ['response', 'exception', 'stacktrace'];

/**
 * The gateway's formatError: a subgraph failure keeps its path and subgraph name; everything else is
 * masked as in every subgraph, without what an HTTP failure of a subgraph carries (its URL and body).
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code === SUBGRAPH_UNAVAILABLE) {
    return { message: formatted.message, path: formatted.path, extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph: formatted.extensions.subgraph } };
  }
  // What a subgraph's error may carry about its insides (an HTTP exchange, a stack), whoever runs it.
  if (formatted.extensions && INTERNAL_EXTENSIONS.some((key) => key in formatted.extensions!)) {
    const extensions = Object.fromEntries(Object.entries(formatted.extensions).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)));
    return maskUnexpectedErrors({ ...formatted, extensions }, error);
  }
  return maskUnexpectedErrors(formatted, error);
}
