import {
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { fragmentsOf, type ResponsePath } from './rows.ts';

/**
 * An operation split at a list of objects, so that each part stays within the gateway's limits:
 * first the list's ids (and everything above it), then the items, a few at a time, each fetched again
 * by id from the root field that returns one (`orgUnit(id:)`, `member(id:)`).
 */
export interface Split {
  /** Where the list is, in the response of the original operation. */
  listPath: ResponsePath;
  /** The original operation with the list's selection reduced to `id`. */
  idsDocument: DocumentNode;
  /** `i0: orgUnit(id: $__item0) { …the list's selection… } i1: …` for `count` items. */
  itemDocument(count: number): DocumentNode;
}

export const ITEM_VARIABLE_PREFIX = '__item';
const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/** The root query field that returns one T by `id: ID!` (and needs nothing else), if there is one. */
function rootFieldById(schema: GraphQLSchema, type: GraphQLObjectType): GraphQLField<unknown, unknown> | undefined {
  return Object.values(schema.getQueryType()?.getFields() ?? {}).find((field) => {
    if (isListType(getNullableType(field.type)) || getNamedType(field.type) !== type) return false;
    const id = field.args.find((argument) => argument.name === 'id');
    return id !== undefined && String(id.type) === 'ID!' && field.args.every((argument) => argument === id || !isNonNullType(argument.type));
  });
}

interface Candidate {
  chain: FieldNode[];
  byId: GraphQLField<unknown, unknown>;
  nestsList: boolean;
}

/** Lists of objects written directly in the operation (not in fragments), outermost first. */
function candidates(schema: GraphQLSchema, operation: OperationDefinitionNode): Candidate[] {
  const found: Candidate[] = [];
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, chain: FieldNode[]): boolean => {
    let hasList = false;
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
      const field = parent.getFields()[selection.name.value];
      const type = field && getNamedType(field.type);
      if (!field || !isObjectType(type)) continue;
      const isList = isListType(getNullableType(field.type));
      const at = [...chain, selection];
      const index = found.length;
      const nests = walk(selection.selectionSet, type, at);
      const byId = isList && 'id' in type.getFields() ? rootFieldById(schema, type) : undefined;
      if (byId) found.splice(index, 0, { chain: at, byId, nestsList: nests });
      hasList ||= isList || nests;
    }
    return hasList;
  };
  const root = schema.getQueryType();
  if (root) walk(operation.selectionSet, root, []);
  return found;
}

/** The selection set with the field at chain[depth] replaced, the rest as written. */
function replaceAt(selectionSet: SelectionSetNode, chain: FieldNode[], depth: number, last: (field: FieldNode) => FieldNode): SelectionSetNode {
  return {
    ...selectionSet,
    selections: selectionSet.selections.map((selection) => {
      if (selection !== chain[depth]) return selection;
      const field = selection as FieldNode;
      return depth === chain.length - 1 ? last(field) : { ...field, selectionSet: replaceAt(field.selectionSet!, chain, depth + 1, last) };
    }),
  };
}

/** The document with only the variables and fragments the operation uses (graphql refuses unused ones). */
function tidy(document: DocumentNode, operation: OperationDefinitionNode, extra: VariableDefinitionNode[]): DocumentNode {
  const fragments = fragmentsOf(document);
  const usedVariables = new Set<string>();
  const usedFragments = new Set<string>();
  const walk = (node: ASTNode): void => {
    visit(node, {
      Variable(variable) {
        usedVariables.add(variable.name.value);
      },
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !usedFragments.has(spread.name.value)) {
          usedFragments.add(spread.name.value);
          walk(fragment);
        }
      },
    });
  };
  walk(operation.selectionSet);
  const variables = [...(operation.variableDefinitions ?? []).filter((definition) => !definition.variable.name.value.startsWith(ITEM_VARIABLE_PREFIX)), ...extra];
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      { ...operation, variableDefinitions: variables.filter((definition) => usedVariables.has(definition.variable.name.value)) },
      ...[...fragments.values()].filter((fragment) => usedFragments.has(fragment.name.value)),
    ],
  };
}

/**
 * Where to split an operation refused as too costly: the outermost list of objects that has lists
 * below it (else the outermost list), whose items a root field fetches by id. Undefined when there is
 * none (lists written only inside fragments, or of a type no root field returns by id).
 */
export function splitAtList(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Split | undefined {
  const found = candidates(schema, operation);
  const chosen = found.find((candidate) => candidate.nestsList) ?? found[0];
  if (!chosen) return undefined;
  const { chain, byId } = chosen;
  const list = chain[chain.length - 1]!;
  const idOnly: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name('id') }] };
  const idsOperation = { ...operation, selectionSet: replaceAt(operation.selectionSet, chain, 0, (field) => ({ ...field, selectionSet: idOnly })) };
  return {
    listPath: chain.map((field) => field.alias?.value ?? field.name.value),
    idsDocument: tidy(document, idsOperation, []),
    itemDocument(count) {
      const items = Array.from({ length: count }, (_, index) => index);
      const variable = (index: number) => ({ kind: Kind.VARIABLE, name: name(`${ITEM_VARIABLE_PREFIX}${index}`) }) as const;
      const itemOperation: OperationDefinitionNode = {
        ...operation,
        name: undefined,
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: items.map((index) => ({
            kind: Kind.FIELD,
            alias: name(`i${index}`),
            name: name(byId.name),
            arguments: [{ kind: Kind.ARGUMENT, name: name('id'), value: variable(index) }],
            selectionSet: list.selectionSet,
          })),
        },
      };
      const definitions: VariableDefinitionNode[] = items.map((index) => ({
        kind: Kind.VARIABLE_DEFINITION,
        variable: variable(index),
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('ID') } },
      }));
      return tidy(document, itemOperation, definitions);
    },
  };
}
