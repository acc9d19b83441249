export { ORG_EVENTS, type OrgUnitCreated, type OrgUnitDissolved } from './events.ts';
export { endUnit, orgReplicaHandlers, replicaDigest, subtreeUnitIds, treeDigest, type OrgReplicaTables, type TreeRow } from './replica.ts';
