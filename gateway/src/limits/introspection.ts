import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses introspection (`__schema`, `__type`; `__typename` stays allowed). The same rule Apollo Server
 * adds for `introspection: false`, here so it follows the `env` given to the gateway (Apollo reads
 * process.env.NODE_ENV) without another constructor option.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError('Introspection is disabled on this server.', { nodes: [node], extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' } }),
      );
    }
  },
});
