/** For other packages' tests: the dated tree as the subgraph reads it. */
export { findDescendantsOf } from './org-unit/org-unit.repository.ts';
