// Vite settings common to the shell and the three remotes, imported by their vite.config.ts.
// Plain JS (types in vite-shared.d.ts): Vite's config loader hands package imports to Node 20,
// which cannot load TypeScript.
import { createRequire } from 'node:module';
import path from 'node:path';

/** Packages every app shares as singletons: one React, one i18next, one ui kit (which carries the router, src/router.ts). */
const SINGLETONS = ['react', 'react-dom', 'i18next', 'react-i18next', '@dangvien/ui'];

/** @param {string} root @param {string} name */
function installedVersion(root, name) {
  const require = createRequire(path.join(root, 'package.json'));
  return require(`${name}/package.json`).version;
}

/**
 * The `shared` option for federation(). requiredVersion comes from what is installed, because
 * package.json says "catalog:", which is not a semver range. react and react-dom subpaths
 * (jsx-runtime, client) are shared along with them by @module-federation/vite.
 * @param {string} root the app's folder
 */
export function sharedDeps(root) {
  return Object.fromEntries(
    SINGLETONS.map((name) => [name, { singleton: true, requiredVersion: `^${installedVersion(root, name)}` }]),
  );
}

/**
 * Dev and preview server settings: port from env, /graphql and /auth (sign-in, refresh, sign-out)
 * proxied to the gateway, so the browser only ever talks to its own origin.
 * @param {string} portVariable @param {number} defaultPort @param {{ cors?: boolean }} [options]
 */
export function serverOptions(portVariable, defaultPort, options = {}) {
  const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';
  return {
    port: Number(process.env[portVariable] ?? defaultPort),
    strictPort: true,
    // Remotes must allow the shell's origin to fetch remoteEntry.js and its chunks.
    cors: options.cors ?? false,
    proxy: {
      '/graphql': { target: gateway, changeOrigin: true },
      '/auth': { target: gateway, changeOrigin: true },
      // The explorer the gateway serves: on the front ends' origin it shares their session (same tab).
      '/explorer': { target: gateway, changeOrigin: true },
    },
  };
}

/** Paths the preview server proxies to the gateway: how to cache them is the gateway's business. */
const PROXIED = /^\/(graphql|auth|explorer)(\/|\?|$)/;
const YEAR_SECONDS = 31536000;

/**
 * How the production build is made and served (the stack serves every front end with `vite preview`):
 * - at build time, every text asset is also written compressed, brotli (.br) and gzip (.gz), at the
 *   highest level, once (vite-plugin-compression2), instead of compressing on each request;
 * - the content-hashed files under /assets/ are served by sirv from those precompressed files
 *   (brotli when the browser accepts it, else gzip) and cached for a year as immutable, so a second
 *   visit asks for none of them;
 * - everything else (index.html, remoteEntry.js, /remotes.json) is revalidated on every visit, so a
 *   redeployed module is picked up at once. Vite's static server marks every file `no-cache`: ours is
 *   set last, just before the headers go out (`on-headers`).
 */
export async function productionServing() {
  const [{ compression }, { default: sirv }, { default: onHeaders }] = await Promise.all([
    import('vite-plugin-compression2'),
    import('sirv'),
    import('on-headers'),
  ]);
  return [
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
    {
      name: 'dangvien:production-serving',
      /** @param {import('vite').PreviewServer} server */
      configurePreviewServer(server) {
        const dist = path.resolve(server.config.root, server.config.build.outDir);
        const assets = sirv(dist, { brotli: true, gzip: true, maxAge: YEAR_SECONDS, immutable: true, dev: false, etag: true });
        server.middlewares.use((request, response, next) => {
          const url = request.url ?? '/';
          // The orchestrator's readiness and liveness probe (deploy/): the server answers, so its files do.
          if (url === '/health') {
            response.setHeader('Content-Type', 'application/json');
            response.setHeader('Cache-Control', 'no-store');
            response.end('{"status":"ok"}');
            return;
          }
          if (url.startsWith('/assets/')) {
            assets(request, response, next);
            return;
          }
          if (!PROXIED.test(url)) {
            onHeaders(response, () => {
              response.setHeader('Cache-Control', 'no-cache');
            });
          }
          next();
        });
      },
    },
  ];
}

/**
 * The whole Vite config of a level module (remote): React, Module Federation exposing ./App with
 * the shared singletons, CORS for the shell, and the dev/preview servers above.
 * @param {{ name: string, portVariable: string, defaultPort: number, root: string }} app
 */
export async function remoteAppConfig(app) {
  const [{ federation }, { default: react }, serving] = await Promise.all([
    import('@module-federation/vite'),
    import('@vitejs/plugin-react'),
    productionServing(),
  ]);
  const server = serverOptions(app.portVariable, app.defaultPort, { cors: true });
  return {
    plugins: [
      react(),
      serving,
      federation({
        name: app.name,
        filename: 'remoteEntry.js',
        exposes: { './App': './src/App.tsx' },
        shared: sharedDeps(app.root),
        dts: false, // the contract is RemoteAppProps in @dangvien/ui, no generated type archive needed
      }),
    ],
    server,
    preview: server,
    build: { target: 'esnext' }, // the federation runtime uses top-level await
  };
}
