import type { Caller } from '@dangvien/auth';

/** Per request: who is calling, as the gateway authenticated them. */
export interface GatewayContext {
  caller: Caller;
}
