import { graphql } from '../generated/index.ts';
import type { RestructureUnitQuery } from '../generated/graphql.ts';

/** A unit today: its facts, parent, and its children with their members (what a restructuring moves). */
export const RESTRUCTURE_UNIT = graphql(`
  query RestructureUnit($id: ID!) {
    orgUnit(id: $id) {
      id code name kind asOf establishedOn endedOn
      parent { id name kind }
      memberCount(includeSubtree: true)
      children {
        id code name kind
        memberCount(includeSubtree: true)
        children { id name kind }
      }
    }
  }
`);

export const RENAME_UNIT = graphql(`
  mutation RenameUnit($input: RenameOrgUnitInput!) {
    renameOrgUnit(input: $input) { id name }
  }
`);

export const MERGE_UNITS = graphql(`
  mutation MergeUnits($input: MergeOrgUnitsInput!) {
    mergeOrgUnits(input: $input) { id status }
  }
`);

export const APPLY_REFORM = graphql(`
  mutation ApplyReform($input: ApplyProvinceReformInput!) {
    applyProvinceReform(input: $input) { id status }
  }
`);

export type RestructureUnit = NonNullable<RestructureUnitQuery['orgUnit']>;
export type ChildUnit = RestructureUnit['children'][number];
