import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { RequireSession } from './auth.tsx';

/**
 * Renders an app at the page's #root behind the sign-in form: the shell, and each level module when
 * it runs standalone, start the same way.
 */
export function mountWithSession(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <BrowserRouter>
        <RequireSession>{app}</RequireSession>
      </BrowserRouter>
    </StrictMode>,
  );
}
