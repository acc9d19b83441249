import type { MembershipContext } from '../context.ts';

/**
 * The name of the member a row the caller sees refers to (a transfer letter, a residence link or
 * notice), wherever the member is now: one who left the caller's subtrees or the system still has
 * a name. Batched with `memberById`: one statement for all the rows of a response.
 */
export async function memberNameOf(context: MembershipContext, memberId: string): Promise<string> {
  const member = await context.membersInReach.load(memberId);
  // The foreign key keeps every referenced member: a missing one is a broken database, not a user error.
  if (!member) throw new Error(`member ${memberId} is referenced but not recorded`);
  return member.full_name;
}
