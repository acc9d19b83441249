import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

/**
 * The one switch that lets a process send anything to Apollo's cloud: `DANGVIEN_APOLLO_TELEMETRY=1`,
 * set by an operator on purpose. Without it nothing leaves the deployment, however the process is
 * started (the start command, a container, a benchmark, a test).
 */
export const APOLLO_TELEMETRY_OPT_IN = 'DANGVIEN_APOLLO_TELEMETRY';

export function apolloTelemetryAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[APOLLO_TELEMETRY_OPT_IN] === '1';
}

/**
 * Turns off `@apollo/gateway`'s data collection (an OpenTelemetry meter exporting to
 * usage-reporting.api.apollographql.com every hour, whose resource detectors first probe the AWS, GCP,
 * Azure and Alibaba metadata addresses). The gateway reads `APOLLO_TELEMETRY_DISABLED` from
 * process.env when it is constructed, so this must run before `new ApolloGateway`; the gateway's module
 * calls it on import and again in `startGateway`.
 */
export function disableApolloTelemetry(env: NodeJS.ProcessEnv = process.env): void {
  if (!apolloTelemetryAllowed(env)) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}

/**
 * Apollo Server plugins that keep a server offline: no inline traces, no usage or schema reporting
 * (Apollo Server installs them by itself when `APOLLO_KEY` and `APOLLO_GRAPH_REF` are in the
 * environment), no landing page (its HTML loads Apollo's Sandbox from Apollo's CDN into the browser).
 * With the operator's opt-in only inline traces stay off, as before.
 */
export function offlinePlugins<Ctx extends BaseContext>(env: NodeJS.ProcessEnv = process.env): ApolloServerPlugin<Ctx>[] {
  const plugins: ApolloServerPlugin<Ctx>[] = [ApolloServerPluginInlineTraceDisabled()];
  if (apolloTelemetryAllowed(env)) return plugins;
  return [...plugins, ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled(), ApolloServerPluginLandingPageDisabled()];
}
