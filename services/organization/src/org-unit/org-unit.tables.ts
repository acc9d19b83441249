import type { Selectable } from 'kysely';
import type { OrgUnit, OrgUnitVersion } from '../generated/tables.ts';

export type OrgUnitRecord = Selectable<OrgUnit>;
export type OrgUnitVersionRow = Selectable<OrgUnitVersion>;

/**
 * A unit as the tree stood on `as_of`: identity and lifetime from org_unit, parent and name from the
 * version valid that day. A unit that had already ended by the asked date answers with its last
 * version, and `as_of` is then its last day (so its parent, children and scope are those of that day).
 */
export type OrgUnitRow = OrgUnitRecord &
  Pick<OrgUnitVersionRow, 'parent_id' | 'name' | 'valid_from' | 'valid_to'> & {
    /** YYYY-MM-DD: the day this row describes the unit on. */
    as_of: string;
  };

/** A unit's own row with its latest name, as the writes lock it. */
export type NamedOrgUnit = OrgUnitRecord & { name: string };
