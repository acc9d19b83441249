import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { OrganizationContext } from '../context.ts';
import type { OrgUnitKind } from '../database.ts';
import { findOrgUnitsByKind, findRootOrgUnits, type OrgUnitRow } from './org-unit.repository.ts';

export const orgUnitResolvers: GraphQLResolverMap<OrganizationContext> = {
  Query: {
    orgUnit: (_source, args: { id: string }, context) => context.orgUnitById.load(requireId(args.id)),
    rootOrgUnits: (_source, _args, context) => findRootOrgUnits(context.db, context.scopes),
    orgUnits: (_source, args: { kind: OrgUnitKind }, context) => findOrgUnitsByKind(context.db, args.kind, context.scopes),
  },
  OrgUnit: {
    __resolveReference: (reference: { id: string }, context: OrganizationContext) => context.orgUnitById.load(reference.id),
    parent: (unit: OrgUnitRow, _args, context) => (unit.parent_id ? context.orgUnitById.load(unit.parent_id) : null),
    children: (unit: OrgUnitRow, _args, context) => context.childrenOf.load(unit.id),
    establishedOn: (unit: OrgUnitRow) => unit.established_on,
    endedOn: (unit: OrgUnitRow) => unit.ended_on,
    successor: (unit: OrgUnitRow, _args, context) => (unit.successor_id ? context.orgUnitById.load(unit.successor_id) : null),
  },
};
