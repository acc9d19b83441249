import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Every graphql-js suggestion: 'Did you mean "name"?', 'Did you mean "a" or "b"?', 'Did you mean the enum value "CELL"?'. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Removes "Did you mean …?" from every error, in every mode: suggestions reveal names of the schema that
 * introspection (off in production) would hide. Written here rather than taken from graphql-armor, whose
 * mask matches only 'Did you mean "…"' and lets enum values and variable errors through.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
