export { ORG_EVENTS, type OrgUnitCreated, type OrgUnitDissolved } from './events.ts';
export { endUnit, inReplicaSubtrees, orgReplicaHandlers, replicaDigest, replicateOrgUnits, subtreeUnitIds, treeDigest, type OrgReplicaTables, type TreeRow } from './replica.ts';
