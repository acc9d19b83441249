import './shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { addTranslations, RequireSession } from '@dangvien/ui';
import { en, vi } from './messages.ts';
import { Shell } from './Shell.tsx';

addTranslations('shell', { vi, en });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <RequireSession>
        <Shell />
      </RequireSession>
    </BrowserRouter>
  </StrictMode>,
);
