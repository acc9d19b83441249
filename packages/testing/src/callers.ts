import { generateGatewayKeys, internalTokenSigner, type Caller, type GatewayKeys, type Grant } from '@dangvien/auth';

let keys: Promise<GatewayKeys> | undefined;

/** One gateway key pair per test process: test subgraphs trust it, `internalToken` signs with it. */
export function testGatewayKeys(): Promise<GatewayKeys> {
  keys ??= generateGatewayKeys();
  return keys;
}

/** A token as the gateway would send it to `subgraph` for `caller`. */
export async function internalToken(caller: Caller, subgraph: string): Promise<string> {
  return (await internalTokenSigner((await testGatewayKeys()).privateKey))(caller, subgraph);
}

export function callerWith(...grants: Grant[]): Caller {
  return { subject: `test-${grants.map((grant) => `${grant.role}:${grant.scopeUnitId}`).join(',')}`, name: 'Người dùng thử', grants };
}
