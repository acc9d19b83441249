import { disableApolloTelemetry } from '@dangvien/server';

// Imported by gateway.ts before @apollo/gateway, so that no way of starting the gateway (main.ts, the
// test harness, the benchmarks, a container without the start command's environment) constructs it
// with Apollo's telemetry on. `DANGVIEN_APOLLO_TELEMETRY=1` is the operator's opt-in.
disableApolloTelemetry();
