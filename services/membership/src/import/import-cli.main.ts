import { runImportCli } from './import-cli.ts';

// Entry point of `pnpm run import`.
process.exitCode = await runImportCli(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env });
