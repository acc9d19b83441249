import type { EventTables } from '@dangvien/events';
import type { AuditTables } from '@dangvien/server';
import type { DB } from './generated/tables.ts';

/**
 * The organization subgraph's own database (no other subgraph reads these tables): its tables as read
 * off the migrated database, plus the outbox and audit tables the shared packages own.
 */
export type OrganizationDatabase = DB & EventTables & AuditTables;
