import { graphql } from '../generated/index.ts';

/** The tops of the caller's scope (a district board: its district; after the 2025 reform, a province). */
export const DISTRICT_ROOTS = graphql(`
  query DistrictRoots {
    rootOrgUnits { id code name kind parent { id name } }
  }
`);
