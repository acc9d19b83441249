import { runTokenCli } from './token-cli.ts';

// Entry point of `pnpm run token`: the access token on stdout, everything else on stderr.
process.exitCode = await runTokenCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
