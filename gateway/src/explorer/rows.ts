import {
  getNamedType,
  isCompositeType,
  isLeafType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** One cell of an exported row: what a spreadsheet takes. */
export type CellValue = string | number | boolean | null;
/** A row keyed by the response path of each leaf field, joined with '.'. */
export type Row = Record<string, CellValue>;
/** Response keys from the operation's root down to a field. */
export type ResponsePath = readonly string[];

export interface Column {
  /** The key of the column's values in a Row. */
  key: string;
  /** The header: the path without the root field when the operation has only one (`descendants.members.fullName`). */
  header: string;
}

export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
}

/**
 * The columns of an operation's flattened result, in the order the fields are written: one per leaf
 * field (scalar or enum), named by its response path. Known before any data arrives, so a streamed file
 * can start with its header.
 */
export function columnsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Column[] {
  const fragments = fragmentsOf(document);
  const keys: string[] = [];
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: readonly string[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.name.value === '__typename') {
          keys.push([...path, key].join('.'));
          continue;
        }
        const fields = 'getFields' in parent ? parent.getFields() : {};
        const field = fields[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        if (isLeafType(type)) keys.push([...path, key].join('.'));
        else if (isCompositeType(type) && selection.selectionSet) walk(selection.selectionSet, type, [...path, key]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, path);
      } else {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, path);
      }
    }
  };
  const root = operation.operation === 'query' ? schema.getQueryType() : undefined;
  if (root) walk(operation.selectionSet, root, []);
  const unique = [...new Set(keys)];
  const roots = new Set(unique.map((key) => key.split('.')[0]));
  return unique.map((key) => ({ key, header: roots.size === 1 && key.includes('.') ? key.slice(key.indexOf('.') + 1) : key }));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every combination of one row from each group (sibling lists multiply, as a join would). */
export function crossRows(left: readonly Row[], right: readonly Row[]): Row[] {
  return left.flatMap((a) => right.map((b) => ({ ...a, ...b })));
}

/**
 * A result as rows: each list of objects gives one row per item (the fields above it repeated on each),
 * an empty list or null one row with blanks, a list of scalars one cell joined with "; ".
 */
export function flattenValue(value: unknown, path: ResponsePath): Row[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [{}];
    if (value.every((item) => !isObject(item) && !Array.isArray(item))) return [{ [path.join('.')]: value.join('; ') }];
    return value.flatMap((item) => flattenValue(item, path));
  }
  if (isObject(value)) {
    let rows: Row[] = [{}];
    for (const [key, child] of Object.entries(value)) rows = crossRows(rows, flattenValue(child, [...path, key]));
    return rows;
  }
  if (value === undefined) return [{}];
  return [{ [path.join('.')]: value as CellValue }];
}
