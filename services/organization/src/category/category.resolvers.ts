import type { Resolvers } from '../generated/resolvers.ts';

/** A unit's category and residential area are columns of org_unit; only the area's name differs. */
export const categoryResolvers: Resolvers = {
  OrgUnit: {
    residentialArea: (unit) => unit.residential_area,
  },
};
