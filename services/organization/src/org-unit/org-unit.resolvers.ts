import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DomainError, requireDate, requireId } from '@dangvien/server';
import type { OrganizationContext } from '../context.ts';
import type { OrgUnitKind } from '../database.ts';
import { applyProvinceReform, createOrgUnit, moveOrgUnit, renameOrgUnit, type CreateOrgUnitInput, type MoveOrgUnitInput, type ProvinceReformInput, type RenameOrgUnitInput } from './restructure.ts';
import { findOrgUnitsByKind, findRootOrgUnits, searchOrgUnits, today, type OrgUnitRow, type OrgUnitVersionRow, type SearchCursor } from './org-unit.repository.ts';

const MAX_PAGE = 500;

function asOfArgument(asOf: string | null | undefined): string {
  return asOf === undefined || asOf === null ? today() : requireDate(asOf, 'asOf');
}

function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.folded, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(after: string | null | undefined): SearchCursor | null {
  if (after === undefined || after === null) return null;
  try {
    const [folded, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    if (typeof folded === 'string' && typeof id === 'string') return { folded, id: requireId(id, 'after') };
  } catch {
    // falls through to the error below
  }
  throw new DomainError('BAD_USER_INPUT', 'Con trỏ phân trang không hợp lệ.', { field: 'after' });
}

interface Change {
  kind: 'CREATED' | 'RENAMED' | 'MOVED' | 'ENDED';
  effectiveDate: string | null;
  decisionNumber: string | null;
  name: string;
  parentId: string | null;
  successorId: string | null;
}

export const orgUnitResolvers: GraphQLResolverMap<OrganizationContext> = {
  Query: {
    orgUnit: (_source, args: { id: string; asOf?: string | null }, context) => context.orgUnitById.load(requireId(args.id), asOfArgument(args.asOf)),
    rootOrgUnits: (_source, args: { asOf?: string | null }, context) => findRootOrgUnits(context.db, context.scopes, asOfArgument(args.asOf)),
    orgUnits: (_source, args: { kind: OrgUnitKind; asOf?: string | null }, context) => findOrgUnitsByKind(context.db, args.kind, context.scopes, asOfArgument(args.asOf)),
    searchOrgUnits: async (_source, args: { text: string; kind?: OrgUnitKind | null; asOf?: string | null; first?: number | null; after?: string | null }, context) => {
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `Số kết quả mỗi trang phải từ 1 đến ${MAX_PAGE}.`, { field: 'first' });
      const text = args.text.normalize('NFC').trim();
      if (text.length === 0) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập nội dung tìm kiếm.', { field: 'text' });
      if (text.length > 200) throw new DomainError('BAD_USER_INPUT', 'Nội dung tìm kiếm dài quá 200 ký tự.', { field: 'text' });
      const rows = await searchOrgUnits(
        context.db,
        { text, kind: args.kind ?? null, asOf: asOfArgument(args.asOf), first, after: decodeCursor(args.after) },
        context.scopes,
      );
      const nodes = rows.slice(0, first);
      const last = nodes.at(-1);
      return { nodes, pageInfo: { endCursor: last ? encodeCursor({ folded: last.name_folded, id: last.id }) : null, hasNextPage: rows.length > first } };
    },
  },
  Mutation: {
    createOrgUnit: (_source, args: { input: CreateOrgUnitInput }, context) => createOrgUnit(context.db, context.caller, args.input),
    renameOrgUnit: (_source, args: { input: RenameOrgUnitInput }, context) => renameOrgUnit(context.db, context.caller, args.input),
    moveOrgUnit: (_source, args: { input: MoveOrgUnitInput }, context) => moveOrgUnit(context.db, context.caller, args.input),
    applyProvinceReform: (_source, args: { input: ProvinceReformInput }, context) => applyProvinceReform(context.db, context.caller, args.input),
  },
  OrgUnit: {
    __resolveReference: (reference: { id: string }, context: OrganizationContext) => context.orgUnitById.load(reference.id),
    asOf: (unit: OrgUnitRow) => unit.as_of,
    parent: (unit: OrgUnitRow, _args, context) => (unit.parent_id ? context.orgUnitById.load(unit.parent_id, unit.as_of) : null),
    children: (unit: OrgUnitRow, _args, context) => context.childrenOf.load({ id: unit.id, day: unit.as_of }),
    ancestors: (unit: OrgUnitRow, _args, context) => context.ancestorsOf.load({ id: unit.id, day: unit.as_of }),
    descendants: async (unit: OrgUnitRow, args: { kind?: OrgUnitKind | null }, context) => {
      const all = await context.descendantsOf.load({ id: unit.id, day: unit.as_of });
      return args.kind ? all.filter((row) => row.kind === args.kind) : all;
    },
    path: async (unit: OrgUnitRow, _args, context) => [...(await context.ancestorsOf.load({ id: unit.id, day: unit.as_of })).map((row) => row.name), unit.name],
    unitCounts: async (unit: OrgUnitRow, _args, context) => {
      const counts = new Map<string, number>([[unit.kind, 1]]);
      for (const row of await context.descendantsOf.load({ id: unit.id, day: unit.as_of })) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
      return [...counts].map(([kind, count]) => ({ kind, count }));
    },
    history: async (unit: OrgUnitRow, _args, context): Promise<Change[]> => {
      const versions: OrgUnitVersionRow[] = await context.versionsOf.load(unit.id);
      const changes: Change[] = versions.map((version) => ({
        kind: version.change,
        effectiveDate: version.valid_from,
        decisionNumber: version.change === 'CREATED' ? (version.decision_number ?? unit.established_decision) : version.decision_number,
        name: version.name,
        parentId: version.parent_id,
        successorId: null,
      }));
      const last = versions.at(-1);
      if (unit.ended_on && last) {
        changes.push({ kind: 'ENDED', effectiveDate: unit.ended_on, decisionNumber: unit.end_decision, name: last.name, parentId: last.parent_id, successorId: unit.successor_id });
      }
      return changes;
    },
    establishedOn: (unit: OrgUnitRow) => unit.established_on,
    residentialArea: (unit: OrgUnitRow) => unit.residential_area,
    endedOn: (unit: OrgUnitRow) => unit.ended_on,
    successor: (unit: OrgUnitRow, _args, context) => (unit.successor_id ? context.orgUnitById.load(unit.successor_id, unit.ended_on ?? unit.as_of) : null),
  },
  OrgUnitChange: {
    // The parent as the tree stood on the change's day (the day before the end, for ENDED).
    parent: (change: Change, _args, context) => {
      if (!change.parentId) return null;
      return context.orgUnitById.load(change.parentId, change.effectiveDate ?? undefined);
    },
    successor: (change: Change, _args, context) => (change.successorId ? context.orgUnitById.load(change.successorId, change.effectiveDate ?? undefined) : null),
  },
};
