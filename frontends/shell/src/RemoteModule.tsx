import { createElement, Suspense, use, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@dangvien/ui';
import { RemoteErrorBoundary } from './RemoteErrorBoundary.tsx';
import { loadRemoteApp, type RemoteName } from './remotes.ts';

/** Mounts a remote's App at basePath, with its own loading state and error area. */
export function RemoteModule({ name, label, basePath }: { name: RemoteName; label: string; basePath: string }) {
  const { t } = useTranslation('shell');
  const [attempt, setAttempt] = useState(0);
  return (
    <RemoteErrorBoundary key={attempt} label={label} onRetry={() => {
        setAttempt((n) => n + 1);
      }}>
      <Suspense fallback={<Loading label={t('loadingModule', { label })} />}>
        <RemoteApp name={name} attempt={attempt} basePath={basePath} />
      </Suspense>
    </RemoteErrorBoundary>
  );
}

function RemoteApp({ name, attempt, basePath }: { name: RemoteName; attempt: number; basePath: string }) {
  const App = use(loadRemoteApp(name, attempt));
  return createElement(App, { basePath });
}
