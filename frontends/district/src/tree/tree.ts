import { graphql } from '../generated/index.ts';
import type { DistrictTreeQuery, OrgUnitKind } from '../generated/graphql.ts';

// Four levels (province → district → grassroots → cell): GraphQL cannot ask for "all descendants".
export const DISTRICT_TREE = graphql(`
  query DistrictTree {
    rootOrgUnits {
      id name kind
      children {
        id name kind
        children {
          id name kind
          children { id name kind }
        }
      }
    }
  }
`);

/** A unit of the tree at any level: what the query asks of each, and its children when asked. */
export type TreeUnit = Pick<DistrictTreeQuery['rootOrgUnits'][number], 'id' | 'name' | 'kind'> & { children?: TreeUnit[] };

/** The schema's kinds top-down; typed by the generated enum, so a new kind must be placed here. */
const KIND_ORDER: Record<OrgUnitKind, number> = {
  PROVINCE: 0,
  DISTRICT: 1,
  GRASSROOTS_COMMITTEE: 2,
  GRASSROOTS_CELL: 3,
  CELL: 4,
  PARTY_GROUP: 5,
};

/** Units per kind across the whole tree, in the schema's top-down order, omitting absent kinds. */
export function countByKind(roots: TreeUnit[]): { kind: OrgUnitKind; count: number }[] {
  const counts = new Map<OrgUnitKind, number>();
  const visit = (unit: TreeUnit) => {
    counts.set(unit.kind, (counts.get(unit.kind) ?? 0) + 1);
    unit.children?.forEach(visit);
  };
  roots.forEach(visit);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
