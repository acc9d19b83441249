import type { ApolloServerPlugin } from '@apollo/server';
import { AUDIT_READER_ROLES, scopesWithRole } from '@dangvien/auth';
import { DomainError, requireId } from '@dangvien/server';
import type { MembershipContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { findSensitiveReads } from './sensitive-read.repository.ts';

export const sensitiveReadResolvers: Resolvers = {
  Query: {
    // The levels that oversee the members (district board, administrators), inside their subtrees only.
    sensitiveReadLog: (_source, args, context) => {
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > 500) throw new DomainError('BAD_USER_INPUT', 'Số bản ghi phải từ 1 đến 500.', { field: 'first' });
      return findSensitiveReads(context.db, scopesWithRole(context.caller, AUDIT_READER_ROLES), { memberId: args.memberId ? requireId(args.memberId, 'memberId') : undefined, first });
    },
  },
};

/**
 * Writes the request's sensitive reads before its response is sent. The operation is the one the
 * gateway named for this subgraph (the client's operation name, then `__membership__<n>`).
 */
export const sensitiveReadLogPlugin: ApolloServerPlugin<MembershipContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName, operation }) {
        const name = operationName ?? (operation ? `${operation.operation} ${operation.selectionSet.selections.map((selection) => ('name' in selection && selection.name ? selection.name.value : '…')).join(',')}` : 'unknown');
        await contextValue.sensitiveReads?.flush(name);
      },
    };
  },
};
