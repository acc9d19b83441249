export { GRAPHQL_URL, GraphQLRequestError, graphqlRequest, type Variables } from './graphql.ts';
export { useQuery, type QueryState } from './useQuery.ts';
export { useCurrentUnit, type CurrentUnitState } from './useCurrentUnit.ts';
export { addTranslations, i18n, LANGUAGES, useLabels, type Language } from './i18n.ts';
export { compareVietnameseNames, compareVietnameseText, foldDiacritics, formatDate, matchesSearch } from './vietnamese.ts';
export { DataTable, ErrorMessage, Loading, Page, UiStyles, type Column } from './components.tsx';
export { CurrentUnitRedirect, UnitPicker } from './units.tsx';
export * from './schema.ts';
