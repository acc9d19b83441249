import { DEFAULT_BACKEND_PORTS, type BackendPorts } from './backend.ts';
import { DEFAULT_FRONTEND_PORTS, FRONTENDS, type FrontendPorts } from './frontends.ts';

/** Ports from the environment (`GATEWAY_PORT`, `ORGANIZATION_PORT`, …, `CELL_PORT`), else the defaults. */
export function envPorts(env: NodeJS.ProcessEnv = process.env): { backend: BackendPorts; frontends: FrontendPorts } {
  const pick = (name: string, fallback: number): number => Number(env[`${name.toUpperCase()}_PORT`] ?? fallback);
  const backend = Object.fromEntries(
    Object.entries(DEFAULT_BACKEND_PORTS).map(([name, port]) => [name, pick(name, port)]),
  ) as unknown as BackendPorts;
  const frontends = Object.fromEntries(FRONTENDS.map((name) => [name, pick(name, DEFAULT_FRONTEND_PORTS[name])])) as FrontendPorts;
  return { backend, frontends };
}
