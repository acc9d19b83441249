// Standalone entry: the same App the shell mounts at /cell, here mounted at the site root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import App from './App.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <App basePath="/" />
    </BrowserRouter>
  </StrictMode>,
);
