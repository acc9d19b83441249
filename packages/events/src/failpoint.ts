/**
 * Named fail points for crash tests (as etcd and TiDB do): when `DANGVIEN_FAILPOINT` names this
 * point, the process kills itself on the spot, with no chance to clean up, exactly like a crash.
 * Unset in normal runs, where this is one string comparison.
 */
export function failpoint(name: string): void {
  if (process.env.DANGVIEN_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
