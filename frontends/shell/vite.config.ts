import { fileURLToPath } from 'node:url';
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { productionServing, serverOptions, sharedDeps } from '@dangvien/ui/vite';
import { remotesManifest } from './remotes-manifest.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = serverOptions('SHELL_PORT', 5173);

export default defineConfig({
  plugins: [
    react(),
    await productionServing(),
    remotesManifest(),
    federation({
      name: 'shell',
      // Empty on purpose: remotes come from /remotes.json at run time (src/remotes.ts).
      remotes: {},
      shared: sharedDeps(root),
      dts: false,
    }),
  ],
  server,
  preview: server,
  build: { target: 'esnext' }, // the federation runtime uses top-level await
});
