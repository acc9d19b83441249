import type { GraphQLResolverMap } from '@apollo/subgraph';
import DataLoader from 'dataloader';
import type { OrganizationContext } from '../context.ts';
import { addressesOf, importOrgUnits, type OrgUnitImportInput } from './org-unit-import.ts';

/** One address loader per request (the context object lives as long as the request). */
const addressLoaders = new WeakMap<OrganizationContext, DataLoader<string, string | null>>();

function addressLoader(context: OrganizationContext): DataLoader<string, string | null> {
  let loader = addressLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const addresses = await addressesOf(context.db, ids);
      return ids.map((id) => addresses.get(id) ?? null);
    });
    addressLoaders.set(context, loader);
  }
  return loader;
}

export const orgUnitImportResolvers: GraphQLResolverMap<OrganizationContext> = {
  Mutation: {
    importOrgUnits: (_source, args: { input: OrgUnitImportInput }, context) => importOrgUnits(context.db, context.caller, args.input),
  },
  OrgUnit: {
    address: (unit: { id: string }, _args, context: OrganizationContext) => addressLoader(context).load(unit.id),
  },
};
