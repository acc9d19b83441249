/** For tests of the whole system that need members beyond the demo data (bulk import arrives later). */
export { insertMembers, type NewMember } from './member/member.repository.ts';
export type { MembershipDatabase } from './database.ts';
