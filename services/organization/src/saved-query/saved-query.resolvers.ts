import { isUuid } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { findVisibleSavedQueries } from './saved-query.repository.ts';
import { deleteSavedQuery, saveQuery } from './saved-query.ts';

export const savedQueryResolvers: Resolvers = {
  Query: {
    savedQueries: (_source, _args, context) => findVisibleSavedQueries(context.db, context.caller.subject, context.scopes),
    savedQuery: async (_source, args, context) =>
      isUuid(args.id) ? ((await findVisibleSavedQueries(context.db, context.caller.subject, context.scopes)).find((row) => row.id === args.id.toLowerCase()) ?? null) : null,
  },
  Mutation: {
    saveQuery: (_source, { input }, context) => saveQuery(context.db, context.caller, input),
    deleteSavedQuery: (_source, args, context) => deleteSavedQuery(context.db, context.caller, args.id),
  },
  SavedQuery: {
    variables: (row) => JSON.stringify(row.variables ?? {}),
    scopeUnit: (row, _args, context) => context.orgUnitById.load(row.scope_unit_id),
    ownerName: (row) => row.owner_name,
    mine: (row, _args, context) => row.owner_subject === context.caller.subject,
    updatedAt: (row) => new Date(row.updated_at).toISOString(),
  },
};
