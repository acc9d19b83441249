import { runExportCli } from './export-cli.ts';

// Entry point of `pnpm run export`.
process.exitCode = await runExportCli(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env });
