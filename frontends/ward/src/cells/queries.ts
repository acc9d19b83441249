import { graphql } from '../generated/index.ts';
import type { WardCellsQuery } from '../generated/graphql.ts';

export const WARD_CELLS = graphql(`
  query WardCells($id: ID!) {
    orgUnit(id: $id) {
      id
      name
      children { id name kind members { id } }
    }
  }
`);

export type WardChild = NonNullable<WardCellsQuery['orgUnit']>['children'][number];
