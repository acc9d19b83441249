import type { Caller } from '@dangvien/auth';

/** Per request: who is calling, as the gateway authenticated them. */
export interface GatewayContext {
  caller: Caller;
  /** A page of an explorer export job (explorer/): the job is counted once, not each of its pages. */
  exportPage?: boolean;
}
