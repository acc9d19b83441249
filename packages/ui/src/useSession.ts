import { useSyncExternalStore } from 'react';
import { session, type Grant, type SessionState } from './session.ts';

const NO_GRANTS: readonly Grant[] = [];

export interface SessionView extends SessionState {
  /** The signed-in user's grants; empty when signed out. */
  grants: readonly Grant[];
}

/** The page's session (user, grants, status); re-renders on sign-in, sign-out and refresh. */
export function useSession(): SessionView {
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  return { ...state, grants: state.user?.grants ?? NO_GRANTS };
}
