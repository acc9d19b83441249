// Serves /remotes.json from the environment at request time, so a remote can move to another
// URL by restarting the server with new env, without rebuilding the shell.
import type { Connect, Plugin } from 'vite';

const REMOTES = {
  district: { env: 'DISTRICT_URL', fallback: 'http://localhost:5174' },
  ward: { env: 'WARD_URL', fallback: 'http://localhost:5175' },
  cell: { env: 'CELL_URL', fallback: 'http://localhost:5176' },
} as const;

/** { district: "http://localhost:5174/remoteEntry.js", ... }; env values are the remotes' base URLs. */
export function buildRemotesManifest(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(REMOTES).map(([name, { env: variable, fallback }]) => [
      name,
      `${(env[variable] || fallback).replace(/\/+$/, '')}/remoteEntry.js`,
    ]),
  );
}

const serveManifest: Connect.NextHandleFunction = (req, res, next) => {
  if (req.url?.split('?')[0] !== '/remotes.json') {
    next();
    return;
  }
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(buildRemotesManifest()));
};

export function remotesManifest(): Plugin {
  return {
    name: 'dangvien:remotes-manifest',
    configureServer(server) {
      server.middlewares.use(serveManifest);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveManifest);
    },
  };
}
