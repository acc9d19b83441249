import { runMigrateCommand } from '@dangvien/server';
import { migrations } from './migrations/index.ts';

// `migrate`: this subgraph's migrations, then exit (the deployment's migration job; --wait for init containers).
process.exitCode = await runMigrateCommand({ name: 'organization', migrations, argv: process.argv.slice(2) });
