export {
  GRAPHQL_URL,
  GraphQLRequestError,
  graphqlRequest,
  type ErrorCause,
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
// Data layer: TanStack Query over the generated documents (one cache for the shell and every module).
export { queryClient } from './data/query-client.ts';
export { queryKey, useQuery, type QueryArguments, type QueryOptions, type QueryResult } from './data/useQuery.ts';
export { useMutation, type MutationResult } from './data/useMutation.ts';
export { PartialNotice, QueryBoundary } from './data/QueryBoundary.tsx';
export { missingPartsOf, type MissingPart } from './data/partial.ts';
// Forms: react-hook-form validated by a module's zod schema; drafts and the offline outbox.
export { FormProvider, useFieldArray, useFormContext, useWatch, type UseFormReturn } from 'react-hook-form';
export { showServerError, useSchemaForm } from './forms/useSchemaForm.ts';
export { ChecksField, ChoiceField, FormError, SelectField, TextAreaField, TextField } from './forms/fields.tsx';
export { hasDraft, useDraftForm } from './offline/useFormDraft.ts';
export { outbox, useOutboxState, useQueuedMutation, type QueuedSubmitResult } from './offline/useOutbox.ts';
export { createOutbox, type Outbox, type QueuedChange } from './offline/outbox.ts';
// The kit.
export { Alert, Badge, Button, ButtonLink, Dialog, Facts, OutboxStatus, PrintLayout, Section, SubNav, Toolbar, type Tone } from './kit/kit.tsx';
export { compareSortValues, DataTable, type Column } from './table/DataTable.tsx';
export { nodeText, type ExportValue } from './table/export-text.ts';
// Restructurings that span subgraphs: pending until every part has applied (the ward and district modules).
export { OPERATION_STATUS, OperationTracker, type OperationStatus } from './operation/OperationTracker.tsx';
export { useCurrentUnit, type CurrentUnitState, type OrgUnitSummary } from './useCurrentUnit.ts';
export { addTranslations, i18n, LANGUAGES, useLabels, type Language } from './i18n.ts';
export { compareVietnameseNames, compareVietnameseText, foldDiacritics, formatDate, matchesSearch, thisYearInVietnam, todayInVietnam } from './vietnamese.ts';
export { ErrorMessage, Loading, Page, UiStyles } from './components.tsx';
export { CurrentUnitRedirect, UnitPicker } from './units.tsx';
export { joinPath, siblingModulePath, type RemoteAppProps } from './remote.ts';
export { enumValues } from './enums.ts';
export { mountWithSession } from './mount.tsx';
export { MemberImport } from './member-import/MemberImport.tsx';
export { downloadBase64, readAsBase64 } from './member-import/queries.ts';
export * from './router.ts';
export { lazyPage, preloadPageFor, type LazyPage, type PageRoute } from './lazy-page.ts';
