export {
  GRAPHQL_URL,
  GraphQLRequestError,
  graphqlRequest,
  type TypedDocument,
  type Variables,
  type VariablesArgument,
} from './graphql.ts';
export {
  AuthError,
  createSessionStore,
  refreshDelayMs,
  ROLES,
  session,
  type AuthErrorKind,
  type Grant,
  type Role,
  type SessionState,
  type SessionStatus,
  type SessionStore,
  type SessionUser,
} from './session.ts';
export { useSession, type SessionView } from './useSession.ts';
export { RequireSession, SignInPage } from './auth.tsx';
export { useQuery, type QueryState } from './useQuery.ts';
export { useCurrentUnit, type CurrentUnitState, type OrgUnitSummary } from './useCurrentUnit.ts';
export { addTranslations, i18n, LANGUAGES, useLabels, type Language } from './i18n.ts';
export { compareVietnameseNames, compareVietnameseText, foldDiacritics, formatDate, matchesSearch } from './vietnamese.ts';
export { DataTable, ErrorMessage, Loading, Page, UiStyles, type Column } from './components.tsx';
export { CurrentUnitRedirect, UnitPicker } from './units.tsx';
export { joinPath, type RemoteAppProps } from './remote.ts';
export { enumValues } from './enums.ts';
export { mountWithSession } from './mount.tsx';
export { MemberImport } from './member-import/MemberImport.tsx';
export { downloadBase64, readAsBase64 } from './member-import/queries.ts';
