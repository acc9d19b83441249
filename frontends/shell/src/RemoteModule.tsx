import { createElement, useCallback, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, type RemoteAppProps } from '@dangvien/ui';
import { RemoteErrorBoundary } from './RemoteErrorBoundary.tsx';
import { loadedRemoteApp, loadRemoteApp, type RemoteName } from './remotes.ts';

/** Mounts a remote's App at basePath, with its own loading state and error area, which retries by itself. */
export function RemoteModule({ name, label, basePath }: { name: RemoteName; label: string; basePath: string }) {
  const [attempt, setAttempt] = useState(0);
  // Stable, so the automatic retry's timer is not restarted by every render of the failed state.
  const retry = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return (
    <RemoteErrorBoundary key={attempt} label={label} attempt={attempt} onRetry={retry}>
      <RemoteApp name={name} label={label} attempt={attempt} basePath={basePath} />
    </RemoteErrorBoundary>
  );
}

/**
 * Loads the remote with state, not Suspense: React holds back content revealed under a Suspense
 * boundary until 300 ms after its fallback showed, which on a warm reload was most of the wait.
 */
function RemoteApp({ name, label, attempt, basePath }: { name: RemoteName; label: string; attempt: number; basePath: string }) {
  const { t } = useTranslation('shell');
  const [loaded, setLoaded] = useState<{ App?: ComponentType<RemoteAppProps>; error?: unknown }>(() => ({ App: loadedRemoteApp(name, attempt) }));
  useEffect(() => {
    let current = true;
    loadRemoteApp(name, attempt).then(
      (App) => current && setLoaded({ App }),
      (error: unknown) => current && setLoaded({ error }),
    );
    return () => {
      current = false;
    };
  }, [name, attempt]);
  if (loaded.error !== undefined) throw loaded.error; // to the module's error area
  if (!loaded.App) return <Loading label={t('loadingModule', { label })} />;
  return createElement(loaded.App, { basePath });
}
