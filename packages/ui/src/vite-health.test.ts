import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PreviewServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { productionServing } from '../vite-shared.js';

type Middleware = (request: { url?: string }, response: FakeResponse, next: () => void) => void;
interface FakeResponse {
  headers: Record<string, string>;
  body?: string;
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

/** The middleware the production serving plugin adds to `vite preview` (how every front end is served). */
async function previewMiddleware(): Promise<Middleware> {
  const plugins = await productionServing();
  const serving = plugins.find((plugin) => plugin.name === 'dangvien:production-serving')!;
  let middleware: Middleware | undefined;
  // An empty build output: sirv lists it when the server starts.
  const root = mkdtempSync(path.join(tmpdir(), 'preview-'));
  const server = { config: { root, build: { outDir: '.' } }, middlewares: { use: (handler: Middleware) => (middleware = handler) } };
  (serving.configurePreviewServer as (server: PreviewServer) => void)(server as unknown as PreviewServer);
  return middleware!;
}

function fakeResponse(): FakeResponse {
  return {
    headers: {},
    setHeader(name, value) {
      this.headers[name] = value;
    },
    end(body) {
      this.body = body;
    },
  };
}

describe("a front end's server answers the orchestrator's probe", () => {
  it('answers /health itself with a small JSON, never cached', async () => {
    const middleware = await previewMiddleware();
    const response = fakeResponse();
    let passedOn = false;
    middleware({ url: '/health' }, response, () => (passedOn = true));
    expect(passedOn).toBe(false);
    expect(JSON.parse(response.body!)).toEqual({ status: 'ok' });
    expect(response.headers['Cache-Control']).toBe('no-store');
  });

  it('passes every other path on to the static files (a page under /health… is not the probe)', async () => {
    const middleware = await previewMiddleware();
    for (const url of ['/', '/healthy', '/health/x', '/remotes.json']) {
      const response = fakeResponse();
      let passedOn = false;
      middleware({ url }, response, () => (passedOn = true));
      expect(passedOn, url).toBe(true);
      expect(response.body, url).toBeUndefined();
    }
  });
});
