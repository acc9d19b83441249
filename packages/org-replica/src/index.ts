export { ORG_EVENTS, type OrgUnitCreated, type OrgUnitDissolved, type OrgUnitMoved, type OrgUnitRenamed, type OrgUnitSplit } from './events.ts';
export {
  changeUnit,
  endUnit,
  includesRootUnit,
  orgReplicaHandlers,
  replicaDigest,
  replicateOrgUnits,
  subtreeUnitIds,
  treeDigest,
  type OrgReplicaTables,
  type TreeRow,
} from './replica.ts';
export { copyOrgReplica, ORG_REPLICA_DIGEST, type BulkReplicaUnit } from './bulk.ts';
export { inReplicaSubtrees, inReplicaSubtreeWithin, scopeSweepCondition, unitsWithinScopes, withinReplicaScopes } from './scope.ts';
