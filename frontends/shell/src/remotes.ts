// Remotes are not known at build time: the shell fetches /remotes.json and registers them with
// the same Module Federation runtime instance that @module-federation/vite initialises for the host.
import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { ComponentType } from 'react';
import type { RemoteAppProps } from '@dangvien/ui';

export const REMOTE_NAMES = ['district', 'ward', 'cell'] as const;
export type RemoteName = (typeof REMOTE_NAMES)[number];

let manifest: Promise<Record<string, string>> | undefined;

function fetchManifest(): Promise<Record<string, string>> {
  manifest ??= fetch('/remotes.json', { cache: 'no-store' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`/remotes.json answered HTTP ${String(response.status)}`);
      const entries = (await response.json()) as Record<string, string>;
      // type 'module': remoteEntry.js built by Vite is an ES module, loaded with import().
      registerRemotes(
        REMOTE_NAMES.filter((name) => entries[name]).map((name) => ({ name, entry: entries[name] ?? '', type: 'module' })),
      );
      return entries;
    })
    .catch((error: unknown) => {
      manifest = undefined; // let a retry fetch it again
      throw error;
    });
  return manifest;
}

async function importRemoteApp(name: RemoteName, retry: boolean): Promise<ComponentType<RemoteAppProps>> {
  const entries = await fetchManifest();
  const entry = entries[name];
  if (!entry) throw new Error(`/remotes.json has no entry for "${name}"`);
  // force drops the runtime's cached (failed) remoteEntry so a retry really loads it again.
  if (retry) registerRemotes([{ name, entry, type: 'module' }], { force: true });
  const module = await loadRemote<{ default?: ComponentType<RemoteAppProps> }>(`${name}/App`);
  if (!module?.default) throw new Error(`Remote "${name}" exposes no default export in ./App`);
  return module.default;
}

const loads = new Map<string, Promise<ComponentType<RemoteAppProps>>>();
const loaded = new Map<string, ComponentType<RemoteAppProps>>();

/** One load per (remote, attempt), shared by whoever asks; a new attempt loads afresh. */
export function loadRemoteApp(name: RemoteName, attempt: number): Promise<ComponentType<RemoteAppProps>> {
  const key = `${name}#${String(attempt)}`;
  let load = loads.get(key);
  if (!load) {
    load = importRemoteApp(name, attempt > 0).then((App) => {
      loaded.set(key, App);
      return App;
    });
    loads.set(key, load);
  }
  return load;
}

/** The remote's App if that load has already finished (rendered at once, without a loading state). */
export function loadedRemoteApp(name: RemoteName, attempt: number): ComponentType<RemoteAppProps> | undefined {
  return loaded.get(`${name}#${String(attempt)}`);
}
