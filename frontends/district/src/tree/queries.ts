import { graphql } from '../generated/index.ts';
import type { TreeChildrenQuery, TreeRootQuery, TreeSearchQuery } from '../generated/graphql.ts';

/**
 * The open top unit on a day, its counts by kind and its children; each child with its children's
 * ids only, so the tree knows which can open without reading a level more than it shows.
 */
export const TREE_ROOT = graphql(`
  query TreeRoot($id: ID!, $asOf: String!) {
    orgUnit(id: $id, asOf: $asOf) {
      id code name kind asOf endedOn
      unitCounts { kind count }
      children { id code name kind children { id } }
    }
  }
`);

/** One unit's children on a day, read when the clerk opens it. */
export const TREE_CHILDREN = graphql(`
  query TreeChildren($id: ID!, $asOf: String!) {
    orgUnit(id: $id, asOf: $asOf) {
      id
      children { id code name kind children { id } }
    }
  }
`);

/** Units found by name or code on a day, with the units above them (to open the tree down to one). */
export const TREE_SEARCH = graphql(`
  query TreeSearch($text: String!, $asOf: String!) {
    searchOrgUnits(text: $text, asOf: $asOf, first: 20) {
      nodes { id name kind path ancestors { id } }
      pageInfo { hasNextPage }
    }
  }
`);

export type TreeRoot = NonNullable<TreeRootQuery['orgUnit']>;
export type TreeNodeUnit = TreeRoot['children'][number];
export type TreeChildren = NonNullable<TreeChildrenQuery['orgUnit']>['children'];
export type FoundUnit = TreeSearchQuery['searchOrgUnits']['nodes'][number];
