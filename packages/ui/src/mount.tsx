import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { RequireSession } from './auth.tsx';
import { queryClient } from './data/query-client.ts';
import { OutboxStatus } from './kit/kit.tsx';
import { useOutboxSync } from './offline/useOutbox.ts';
import { session } from './session.ts';

// What one user read must not be shown to the next one signing in on the same device.
session.subscribe(() => {
  if (session.getState().status === 'signedOut') queryClient.clear();
});

/** Sends changes queued offline, and says what still waits (one per page, above the app). */
function Outbox() {
  useOutboxSync();
  return <OutboxStatus />;
}

/**
 * Renders an app at the page's #root behind the sign-in form, with the shared query cache: the
 * shell, and each level module when it runs standalone, start the same way.
 */
export function mountWithSession(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  // A session kept over a reload is restored now, while React renders, not after its first effects.
  session.start();
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <RequireSession>
            <Outbox />
            {app}
          </RequireSession>
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}
