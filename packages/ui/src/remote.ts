/** What every remote's exposed './App' accepts from the shell (or its own main.tsx). */
export interface RemoteAppProps {
  /** Absolute path the module is mounted under: "/cell" in the shell, "/" standalone. */
  basePath: string;
}

/** Joins a mount path and encoded sub-path segments: joinPath('/', 'x') is '/x', joinPath('/cell', 'x') '/cell/x'. */
export function joinPath(basePath: string, ...segments: string[]): string {
  const base = basePath.replace(/\/+$/, '');
  return [base, ...segments.map(encodeURIComponent)].join('/') || '/';
}

/**
 * A page of another level module mounted beside this one in the shell: siblingModulePath('/ward',
 * 'cell', id) is '/cell/<id>'. Undefined when this module runs standalone (basePath '/'), where the
 * other module is not mounted.
 */
export function siblingModulePath(basePath: string, module: string, ...segments: string[]): string | undefined {
  const base = basePath.replace(/\/+$/, '');
  if (!base) return undefined;
  return joinPath(base.replace(/[^/]+$/, module), ...segments);
}
