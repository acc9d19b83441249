import { runMigrateCommand } from '@dangvien/server';
import { migrations } from '@dangvien/identity/migrations';

// `migrate`: the embedded issuer's database (accounts, keys), then exit; the gateway applies the same on start.
process.exitCode = await runMigrateCommand({ name: 'identity', migrations, argv: process.argv.slice(2) });
