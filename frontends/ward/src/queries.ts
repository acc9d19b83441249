import type { OrgUnitKind } from '@dangvien/ui';

export const WARD_CELLS = /* GraphQL */ `
  query WardCells($id: ID!) {
    orgUnit(id: $id) {
      id
      name
      children { id name kind members { id } }
    }
  }
`;

export interface WardChild {
  id: string;
  name: string;
  kind: OrgUnitKind;
  members: { id: string }[] | null;
}

export interface WardCellsData {
  orgUnit: { id: string; name: string; children: WardChild[] } | null;
}
