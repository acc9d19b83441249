import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';

/** Arguments that size a page, on any field: list fields take `first` (or `limit`) and nothing else caps them. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'limit']);

function tooLarge(argument: string, value: unknown, max: number): string {
  return `Argument "${argument}" is ${String(value)}, above the largest page size ${max}.`;
}

/** Refuses a literal page size above `max`, e.g. `members(first: 10000)`, before anything is planned. */
export function maxPageSizeRule(max: number): ValidationRule {
  return (context) => ({
    Argument(node) {
      if (!PAGE_SIZE_ARGUMENTS.has(node.name.value)) return;
      if ((node.value.kind === Kind.INT || node.value.kind === Kind.FLOAT) && Number(node.value.value) > max) {
        context.reportError(new GraphQLError(tooLarge(node.name.value, node.value.value, max), { nodes: [node], extensions: { limit: 'PAGE_SIZE' } }));
      }
    },
  });
}

export const FIRST_REQUIRED_MESSAGE = (field: string) =>
  `Danh sách "${field}" được chia trang: hãy cho số dòng mỗi trang (first, tối đa theo giới hạn) và đi tiếp bằng after.`;

/**
 * Refuses a paged list asked for without `first` (`members { … }`), before anything is planned: every
 * list that can grow takes `first` (and `after`), and one without it would be the whole list. A `first`
 * with a default in the schema (`searchOrgUnits`, 50) pages by default and may be left out. A variable
 * that may be left out (`$n: Int`) is refused too: declare it `Int!` or give it a default.
 */
export const requireFirstRule: ValidationRule = (context) => {
  /** Variables that may be left out (nullable, no default): as `first`, they would ask for the whole list. */
  const optional = new Set(
    context
      .getDocument()
      .definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? (definition.variableDefinitions ?? []) : []))
      .filter((variable) => variable.type.kind !== Kind.NON_NULL_TYPE && !variable.defaultValue)
      .map((variable) => variable.variable.name.value),
  );
  return {
    Field(node) {
      const definition = context.getFieldDef();
      const first = definition?.args.find((argument) => argument.name === 'first');
      // No `first`: a bounded list. A default page size: paged by default (the cost counts the default).
      if (!definition || !first || (first.defaultValue !== undefined && first.defaultValue !== null)) return;
      const given = node.arguments?.find((argument) => argument.name.value === 'first');
      if (given && given.value.kind !== Kind.NULL && !(given.value.kind === Kind.VARIABLE && optional.has(given.value.name.value))) return;
      const parent = context.getParentType()?.name ?? '?';
      context.reportError(new GraphQLError(FIRST_REQUIRED_MESSAGE(`${parent}.${definition.name}`), { nodes: [node], extensions: { limit: 'PAGE_SIZE' } }));
    },
  };
};

/**
 * Refuses a page size above `max` given by a variable (`first: $n`), sent or defaulted; variables are only
 * known once the operation is resolved, after validation, and still before any subgraph is called.
 */
export function maxPageSizeVariablesPlugin(max: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return; // no such operation: Apollo refuses it itself
          for (const [name, argument] of pageSizeVariables(document, operation)) {
            const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
            const sent = request.variables?.[name];
            const value = sent !== undefined ? sent : definition?.defaultValue && valueFromASTUntyped(definition.defaultValue);
            // Left out, `first` takes the field's default (requireFirstRule refused it where there is none); null is never a page size.
            if (argument === 'first' && value === null) {
              throw new GraphQLError(FIRST_REQUIRED_MESSAGE(`$${name}`), { extensions: { code: 'BAD_USER_INPUT', limit: 'PAGE_SIZE', http: { status: 400 } } });
            }
            if (typeof value === 'number' && value > max) {
              throw new GraphQLError(tooLarge(argument, value, max), {
                extensions: { code: 'BAD_USER_INPUT', limit: 'PAGE_SIZE', http: { status: 400 } },
              });
            }
          }
        },
      };
    },
  };
}

/** Variable name → argument name, for page-size arguments in the operation and the fragments it spreads. */
function pageSizeVariables(document: DocumentNode, operation: OperationDefinitionNode): Map<string, string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found = new Map<string, string>();
  const walked = new Set<string>();
  const walk = (node: ASTNode): void => {
    visit(node, {
      Argument(argument) {
        if (PAGE_SIZE_ARGUMENTS.has(argument.name.value) && argument.value.kind === Kind.VARIABLE) {
          found.set(argument.value.name.value, argument.name.value);
        }
      },
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !walked.has(spread.name.value)) {
          walked.add(spread.name.value);
          walk(fragment);
        }
      },
    });
  };
  walk(operation);
  return found;
}
