// Standalone entry: the same App the shell mounts at /cell, here mounted at the site root
// behind the same sign-in form as the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { RequireSession } from '@dangvien/ui';
import App from './App.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <RequireSession>
        <App basePath="/" />
      </RequireSession>
    </BrowserRouter>
  </StrictMode>,
);
