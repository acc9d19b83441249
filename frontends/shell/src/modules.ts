import type { Grant, Role } from '@dangvien/ui';
import type { RemoteName } from './remotes.ts';

export interface ModuleInfo {
  name: RemoteName;
  path: string;
}

/** The level modules, highest level first (navigation order): where each is mounted; name is its label key. */
export const MODULES: readonly ModuleInfo[] = [
  { name: 'district', path: '/district' },
  { name: 'ward', path: '/ward' },
  { name: 'cell', path: '/cell' },
];

/**
 * The one mapping from role to the modules it may open. Which units a module shows is the
 * gateway's business (it filters every list to the grant's subtree), not the shell's.
 */
export const MODULES_BY_ROLE: Readonly<Record<Role, readonly RemoteName[]>> = {
  CELL_SECRETARY: ['cell'],
  CELL_COMMITTEE: ['cell'],
  WARD_COMMITTEE: ['ward', 'cell'],
  DISTRICT_BOARD: ['district', 'ward', 'cell'],
  ANALYST: ['district', 'ward', 'cell'],
  ADMIN: ['district', 'ward', 'cell'],
  // A machine account for provincial systems: it reads the GraphQL API and has no screens.
  PROVINCIAL_SYSTEM: [],
};

function modulesOfRole(role: string): readonly RemoteName[] {
  // A role this shell does not know yet opens nothing.
  return Object.hasOwn(MODULES_BY_ROLE, role) ? MODULES_BY_ROLE[role as Role] : [];
}

/** The modules any of the grants allows, highest level first. */
export function allowedModules(grants: readonly Pick<Grant, 'role'>[]): ModuleInfo[] {
  const names = new Set(grants.flatMap((grant) => modulesOfRole(grant.role)));
  return MODULES.filter((module) => names.has(module.name));
}

/** Where "/" leads: the highest module allowed, or undefined when none is. */
export function homeModule(grants: readonly Pick<Grant, 'role'>[]): ModuleInfo | undefined {
  return allowedModules(grants)[0];
}

/** True for an account that may use no module because it is a provincial system's API account. */
export function isSystemAccount(grants: readonly Pick<Grant, 'role'>[]): boolean {
  return allowedModules(grants).length === 0 && grants.some((grant) => grant.role === 'PROVINCIAL_SYSTEM');
}
