/** How long the gateway trusts its last answer about one sign-in: a sign-out elsewhere (another gateway replica) takes effect within this. */
export const SESSION_CHECK_TTL_MS = 5_000;
/** Bound on remembered sign-ins; the cache starts afresh beyond it. */
const MAX_REMEMBERED = 50_000;

export interface SessionCheck {
  /** Whether the sign-in `sid` is still active; asks the database at most once per sign-in every few seconds. */
  isActive(sid: string): Promise<boolean>;
  /** Forgets what is known of `sid` (after a sign-out in this process, which then takes effect at once). */
  forget(sid: string): void;
}

/**
 * Access tokens live 15 minutes, but a sign-out or a revoked sign-in must stop them now: every request
 * checks its token's sign-in, remembered briefly so that this costs one indexed read per user every few
 * seconds rather than one per request.
 */
export function createSessionCheck(lookup: (sid: string) => Promise<boolean>, ttlMs = SESSION_CHECK_TTL_MS): SessionCheck {
  const known = new Map<string, { active: boolean; until: number }>();
  return {
    async isActive(sid) {
      const hit = known.get(sid);
      if (hit && hit.until > Date.now()) return hit.active;
      const active = await lookup(sid);
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.set(sid, { active, until: Date.now() + ttlMs });
      return active;
    },
    forget: (sid) => void known.delete(sid),
  };
}
