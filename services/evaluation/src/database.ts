import type { EventTables } from '@dangvien/events';
import type { OrgReplicaTables } from '@dangvien/org-replica';
import type { AuditTables } from '@dangvien/server';
import type { DB } from './generated/tables.ts';

/**
 * The evaluation subgraph's own database (no other subgraph reads these tables): its tables as the
 * migrations made them (generated), and the tables whose types the shared packages own.
 */
export type EvaluationDatabase = DB & EventTables & AuditTables & OrgReplicaTables;
