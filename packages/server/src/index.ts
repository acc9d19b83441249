export { DomainError, isUuid, requireDate, requireId, requireText, unauthenticated, type ErrorCode } from './errors.ts';
export { serveApollo, type HealthReport, type RunningServer, type ServeOptions } from './http.ts';
export { loadSchemaFile, readSchemaSource, schemaFiles } from './schema-file.ts';
export { startSubgraph, type StartOptions, type StartedSubgraph, type SubgraphDefinition } from './subgraph.ts';
export { runSubgraphProcess, stopWithParent } from './main.ts';
export { groupLoader, rowLoader } from './loaders.ts';
export { auditLogArguments, findAuditRecords, writeAudit, type AuditEntry, type AuditRecord, type AuditTables } from './audit.ts';
export { mergeResolvers } from './resolvers.ts';
export { maskUnexpectedErrors } from './mask-errors.ts';
