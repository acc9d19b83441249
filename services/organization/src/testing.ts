/** For tests of the whole system that need trees beyond the demo data (units inserted as createOrgUnit would, with their events). */
export { insertOrgUnits, type NewOrgUnit } from './org-unit/org-unit.repository.ts';
export type { OrganizationDatabase } from './database.ts';
