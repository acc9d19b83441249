import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES } from '@dangvien/auth';
import { DomainError, foldText, requireId, requireText } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { GONE } from '../member/record-scope.ts';
import { cursorMember, searchMembers } from './search.repository.ts';

const MAX_SEARCH_PAGE = 200;

export const searchResolvers: Resolvers = {
  Query: {
    /**
     * Members inside the caller's subtrees by name (ignoring case and diacritics), CCCD (only where the
     * caller's role reads it: otherwise nothing matches, and nothing says whether it exists) or party card
     * number (current or earlier); every criterion given must hold. Vietnamese order, pages by cursor.
     * Members who left (died, expelled, names removed, transferred out) only with includeLeft, and then
     * only for callers whose subtrees held their last cell or hold its successor.
     */
    searchMembers: async (_source, args, context) => {
      const foldedName = args.name?.trim() ? foldText(requireText(args.name, 'name', 'họ tên', 200)) : null;
      const citizenId = args.citizenId?.trim() ? args.citizenId.replace(/\s/g, '') : null;
      const cardNumber = args.partyCardNumber?.trim() ? requireText(args.partyCardNumber, 'partyCardNumber', 'số thẻ đảng viên', 50) : null;
      if (!foldedName && !citizenId && !cardNumber) throw new DomainError('BAD_USER_INPUT', 'Nhập họ tên, số CCCD hoặc số thẻ đảng viên để tìm.', { field: 'name' });
      if (citizenId !== null && !/^[0-9]{12}$/.test(citizenId)) throw new DomainError('BAD_USER_INPUT', 'Số CCCD phải gồm đúng 12 chữ số.', { field: 'citizenId' });
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_PAGE) throw new DomainError('BAD_USER_INPUT', `Số kết quả mỗi trang (first) phải từ 1 đến ${MAX_SEARCH_PAGE}.`, { field: 'first' });
      const afterId = args.after ? requireId(args.after, 'after') : null;
      const citizenScopes = scopesWithRole(context.caller, SENSITIVE_READER_ROLES);
      if (citizenId !== null && citizenScopes.length === 0) return { nodes: [], endCursor: null, hasNextPage: false };
      const { nodes, hasNextPage } = await searchMembers(context.db, {
        foldedName,
        citizenId,
        citizenScopes,
        cardNumber,
        status: args.status ?? null,
        // Asking for a status of those who left asks for them.
        includeLeft: (args.includeLeft ?? false) || (args.status != null && GONE.includes(args.status)),
        readableScopes: readableScopes(context.caller),
        after: afterId ? await cursorMember(context.db, afterId) : null,
        first,
      });
      // A match by CCCD tells the caller whose number it is: a read of each found member's CCCD.
      if (citizenId !== null) for (const member of nodes) context.sensitiveReads.record(member.id, 'citizenId');
      // The cursor is the id of the page's last member.
      return { nodes, endCursor: nodes.at(-1)?.id ?? null, hasNextPage };
    },
  },
};
