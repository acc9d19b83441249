import { ORG_UNIT_KINDS, type OrgUnitKind } from '@dangvien/ui';

// Four levels (province → district → grassroots → cell): GraphQL cannot ask for "all descendants".
export const DISTRICT_TREE = /* GraphQL */ `
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
`;

export interface TreeUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  children?: TreeUnit[];
}

export interface DistrictTreeData {
  rootOrgUnits: TreeUnit[];
}

/** Units per kind across the whole tree, in the schema's top-down order, omitting absent kinds. */
export function countByKind(roots: TreeUnit[]): { kind: OrgUnitKind; count: number }[] {
  const counts = new Map<OrgUnitKind, number>();
  const visit = (unit: TreeUnit) => {
    counts.set(unit.kind, (counts.get(unit.kind) ?? 0) + 1);
    unit.children?.forEach(visit);
  };
  roots.forEach(visit);
  return ORG_UNIT_KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}
