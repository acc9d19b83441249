import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { productionServing, serverOptions } from '@dangvien/ui/vite';

// The gateway serves the build at /explorer/ (gateway/src/explorer): same origin as /graphql and /auth.
// `vite` alone (dev) proxies those, and the explorer's own API, to the gateway.
const server = serverOptions('EXPLORER_PORT', 5177);
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';
// The front ends proxy all of /explorer to the gateway; here the pages are this server's own.
const { '/explorer': _pages, ...proxy } = server.proxy;

export default defineConfig({
  base: '/explorer/',
  // productionServing: every asset also written brotli- and gzip-compressed, which the gateway serves.
  plugins: [react(), await productionServing()],
  server: { ...server, proxy: { ...proxy, '/explorer/api': { target: gateway, changeOrigin: true } } },
  build: { target: 'esnext' },
});
