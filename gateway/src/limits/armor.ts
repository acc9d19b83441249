import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { LimitsConfig } from './config.ts';

/** Which limit refused an operation, in `extensions.limit`: Apollo forces every validation error's code to GRAPHQL_VALIDATION_FAILED. */
export type LimitName = 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'COST' | 'PAGE_SIZE';

/**
 * graphql-armor's shape limits as validation rules, so they refuse an operation before it is planned.
 *
 * Not taken from armor: its max-tokens plugin throws from `parsingDidStart`, which Apollo Server answers
 * with HTTP 500 (the parser's own `maxTokens` is used instead, see index.ts), and its field-suggestion
 * mask misses "Did you mean the enum value …" (see suggestions.ts).
 *
 * `ignoreIntrospection` stays on so development tools can introspect. 3.2.0 (max-depth 2.4.2, cost-limit
 * 2.4.3) skips only a *field* named `__schema`, so a fragment named `__schema` or an alias is counted
 * (armor.test.ts proves it); the real `__schema` subtree is bounded by graphql-js's own
 * MaxIntrospectionDepthRule, and in production introspection is refused altogether.
 */
export function armorRules(config: LimitsConfig): ValidationRule[] {
  return new ApolloArmor({
    maxDepth: { n: config.maxDepth, ignoreIntrospection: true, ...reportAs('DEPTH') },
    // armor leaves aliases of `__typename` out by default: 300 of them fit in the token limit.
    maxAliases: { n: config.maxAliases, allowList: [], ...reportAs('ALIASES') },
    maxDirectives: { n: config.maxDirectives, ...reportAs('DIRECTIVES') },
    // The cost limit is cost.ts: armor's counts `first: $n` once, and cannot tell the front ends' operations.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/** Reports a refusal as a validation error (HTTP 400) instead of throwing out of graphql-js's validate. */
function reportAs(limit: LimitName) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        // armor prefixes every message with "Syntax Error: ", which these are not.
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } }));
      },
    ],
  };
}
