import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGatewayKeys, internalJwks, internalTokenSigner } from '@dangvien/auth';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * What a province does: installs the packed package from a tarball (as from the registry) into a
 * project of its own, outside this workspace, and verifies a token the gateway's signer made.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const project = mkdtempSync(path.join(tmpdir(), 'province-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed verifier package', () => {
  it('installs from its tarball outside the workspace and verifies a gateway token there', async () => {
    execFileSync('npm', ['pack', '--pack-destination', project], { cwd: packageDir, stdio: 'pipe' });
    const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))!;
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'province-check', private: true, type: 'module' }));
    execFileSync('npm', ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'pipe' });
    const installed = readdirSync(path.join(project, 'node_modules', '@dangvien'));
    expect(installed).toEqual(['internal-token-verifier']);

    const keys = await generateGatewayKeys();
    const caller = { subject: 'user-7', name: 'Trần Thị B', grants: [{ role: 'DISTRICT_BOARD' as const, scopeUnitId: 'district-3' }] };
    const token = await (await internalTokenSigner(keys.privateKey))(caller, 'province');
    writeFileSync(
      path.join(project, 'check.mjs'),
      `import { createInternalTokenVerifier, isWithinScope } from '@dangvien/internal-token-verifier';
       const keys = JSON.parse(process.env.JWKS);
       const verify = createInternalTokenVerifier({ audience: 'province', keys });
       const caller = await verify('Bearer ' + process.env.TOKEN);
       const refused = await createInternalTokenVerifier({ audience: 'someone-else', keys })(process.env.TOKEN).then(() => false, (error) => error.code);
       console.log(JSON.stringify({ caller, inScope: isWithinScope(caller, ['cell-1', 'district-3']), refused }));`,
    );
    const output = execFileSync(process.execPath, ['check.mjs'], {
      cwd: project,
      env: { PATH: process.env.PATH, TOKEN: token, JWKS: JSON.stringify(await internalJwks(keys.privateKey)) },
    }).toString();
    expect(JSON.parse(output)).toEqual({ caller, inScope: true, refused: 'UNAUTHENTICATED' });
  });
});
