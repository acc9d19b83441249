/** For other packages' tests: the lifecycle rules a generated or imported history must satisfy. */
export { replay, type LifecycleEvent, type LifecycleStatus, type MemberEventKind } from './lifecycle/lifecycle.ts';
