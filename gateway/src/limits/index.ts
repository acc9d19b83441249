import type { ApolloServerOptionsWithGateway, ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { SqlClient } from '@dangvien/identity';
import type { DocumentNode, ParseOptions, ValidationRule } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { armorRules } from './armor.ts';
import { limitsConfig } from './config.ts';
import { withDeadline } from './deadline.ts';
import { noIntrospectionRule } from './introspection.ts';
import { costPlugin } from './cost.ts';
import { maxPageSizeRule, maxPageSizeVariablesPlugin, requireFirstRule } from './page-size.ts';
import { rateLimitPlugin } from './rate-limit.ts';
import { hideSuggestionsPlugin } from './suggestions.ts';

export { limitsConfig, type LimitsConfig } from './config.ts';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

export interface RequestLimits {
  plugins: ApolloServerPlugin<GatewayContext>[];
  /** Run with graphql-js's own rules, so an operation over a limit never reaches query planning. */
  validationRules: ValidationRule[];
  /** For the ApolloServer constructor: the token limit must stop the parser itself, which no plugin can. */
  parseOptions: ParseOptions;
  /** Wraps the gateway so an execution past `GRAPHQL_TIMEOUT_MS` answers TIMEOUT. */
  withDeadline: (gateway: Gateway) => Gateway;
}

/**
 * Every request limit of the gateway, configured from `env` (the variables are listed in config.ts).
 * `trusted`: the front ends' own operations (the manifest), which the cost limit does not count.
 * `sharedStore`: where the rate limit counts requests for every gateway replica (else per process).
 */
export function requestLimits(env: NodeJS.ProcessEnv, trusted: (document: DocumentNode) => boolean = () => false, sharedStore?: SqlClient): RequestLimits {
  const config = limitsConfig(env);
  return {
    plugins: [rateLimitPlugin(config.rateLimitPerMinute, sharedStore), maxPageSizeVariablesPlugin(config.maxPageSize), costPlugin(config.maxCost, trusted), hideSuggestionsPlugin()],
    validationRules: [
      ...armorRules(config),
      maxPageSizeRule(config.maxPageSize),
      requireFirstRule,
      ...(config.production ? [noIntrospectionRule] : []),
    ],
    parseOptions: { maxTokens: config.maxTokens },
    withDeadline: (gateway) => withDeadline(gateway, config.timeoutMs),
  };
}
