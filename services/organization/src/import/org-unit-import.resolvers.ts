import type { Resolvers } from '../generated/resolvers.ts';
import { importOrgUnits } from './org-unit-import.ts';

export const orgUnitImportResolvers: Resolvers = {
  Mutation: {
    importOrgUnits: (_source, { input }, context) => importOrgUnits(context.db, context.caller, input),
  },
  OrgUnit: {
    address: (unit, _args, context) => context.addressOf.load(unit.id),
  },
};
