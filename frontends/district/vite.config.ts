import { fileURLToPath } from 'node:url';
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serverOptions, sharedDeps } from '@dangvien/ui/vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = serverOptions('DISTRICT_PORT', 5174, { cors: true });

export default defineConfig({
  plugins: [
    react(),
    federation({
      name: 'district',
      filename: 'remoteEntry.js',
      exposes: { './App': './src/App.tsx' },
      shared: sharedDeps(root),
      dts: false, // the contract is RemoteAppProps in @dangvien/ui, no generated type archive needed
    }),
  ],
  server,
  preview: server,
  build: { target: 'esnext' }, // the federation runtime uses top-level await
});
