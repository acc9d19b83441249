import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApolloServer } from '@apollo/server';
import type { Caller } from '@dangvien/auth';
import type { SqlClient } from '@dangvien/identity';
import express, { type Request, type Response, type Router } from 'express';
import sirv from 'sirv';
import { GraphQLSchema, printSchema, type DocumentNode } from 'graphql';
import { print } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { ExportError, startExportJob, type ExportProgress, type PageResult } from './export-job.ts';
import { CONTENT_TYPES, fileWriter, type ExportFormat } from './export-file.ts';
import { sharedLimiter } from '../limits/rate-limit.ts';
import { RateLimiterRes } from 'rate-limiter-flexible';

/** The explorer's production build (frontends/explorer, `vite build`), served at /explorer/. */
export const EXPLORER_DIST = fileURLToPath(new URL('../../../frontends/explorer/dist/', import.meta.url));

/** Roles that only read: the schema they are shown has no Mutation type (the subgraphs refuse their mutations anyway). */
const READ_ONLY_ROLES = new Set(['ANALYST', 'PROVINCIAL_SYSTEM']);
export const isReadOnly = (caller: Caller) => caller.grants.every((grant) => READ_ONLY_ROLES.has(grant.role));

export interface ExplorerOptions {
  apollo: ApolloServer<GatewayContext>;
  authenticate: (request: Request) => Promise<Caller>;
  /** The API schema clients see (the supergraph without federation's machinery). */
  schema: GraphQLSchema;
  /** Where the built explorer is; default EXPLORER_DIST. */
  dist?: string;
  /** Where every gateway replica counts running exports (the identity database); default this process. */
  sharedStore?: SqlClient;
}

interface RunningExport {
  subject: string;
  progress: ExportProgress;
  done: boolean;
  error?: string;
}

function sendError(response: Response, status: number, code: string, message: string): void {
  response.status(status).set('Cache-Control', 'no-store').json({ errors: [{ message, extensions: { code } }] });
}

/** Progress of an export is kept this long after it ends, for the last look of the page that started it. */
const FINISHED_KEPT_MS = 60_000;
/** A user's export slot, taken for the export and given back at its end; one left by a replica that died frees itself after this. */
const EXPORT_SLOT_SECONDS = 15 * 60;

/**
 * The explorer at /explorer: its page (GraphiQL, built from npm, nothing from a CDN; it signs in with the
 * same accounts and tokens as the front ends), the schema it shows, and downloads of any query's result
 * as CSV or .xlsx, streamed while an export job asks the gateway page by page (GET …/exports/:id for
 * its progress). Everything under /explorer/api answers only a signed-in caller, inside their scope.
 */
export function explorerRouter(options: ExplorerOptions): Router {
  const router = express.Router();
  const dist = options.dist ?? EXPLORER_DIST;
  const running = new Map<string, RunningExport>();
  // One export at a time per user, whichever gateway replica runs it: the exports' pages pass the rate limit.
  const slots = sharedLimiter({ keyPrefix: 'export', points: 1, durationSeconds: EXPORT_SLOT_SECONDS }, options.sharedStore);
  const fullSdl = printSchema(options.schema);
  const config = options.schema.toConfig();
  const readOnlySdl = printSchema(new GraphQLSchema({ ...config, mutation: undefined, types: config.types.filter((type) => type !== config.mutation) }));

  const signedIn = async (request: Request, response: Response): Promise<Caller | undefined> => {
    try {
      return await options.authenticate(request);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'Chưa đăng nhập. Vui lòng đăng nhập để tiếp tục.';
      sendError(response, 401, 'UNAUTHENTICATED', message);
      return undefined;
    }
  };

  router.get('/api/schema', async (request, response) => {
    const caller = await signedIn(request, response);
    if (!caller) return;
    response.set('Cache-Control', 'no-store').type('text/plain').send(isReadOnly(caller) ? readOnlySdl : fullSdl);
  });

  router.get('/api/exports/:id', async (request, response) => {
    const caller = await signedIn(request, response);
    if (!caller) return;
    const job = running.get(request.params.id);
    if (!job || job.subject !== caller.subject) return sendError(response, 404, 'NOT_FOUND', 'Không có lượt tải xuống này.');
    response.set('Cache-Control', 'no-store').json({ ...job.progress, done: job.done, error: job.error ?? null });
  });

  router.post('/api/exports', express.json({ limit: '100kb' }), async (request, response) => {
    const caller = await signedIn(request, response);
    if (!caller) return;
    const body = (request.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown; format?: unknown; id?: unknown };
    const format = body.format === 'csv' || body.format === 'xlsx' ? (body.format as ExportFormat) : undefined;
    if (typeof body.query !== 'string' || !format) return sendError(response, 400, 'BAD_USER_INPUT', 'Cần câu truy vấn (query) và định dạng (format: csv hoặc xlsx).');
    const variables = body.variables && typeof body.variables === 'object' && !Array.isArray(body.variables) ? (body.variables as Record<string, unknown>) : {};
    const id = typeof body.id === 'string' && /^[\w-]{8,64}$/.test(body.id) ? body.id : randomUUID();
    // One export at a time per user: each is many requests, which the rate limit does not count one by one.
    const busy = await slots.consume(caller.subject).then(
      () => false,
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return true;
        throw rejection;
      },
    );
    if (busy) return sendError(response, 429, 'RATE_LIMITED', 'Đang có một lượt tải xuống khác chưa xong. Vui lòng chờ lượt đó kết thúc.');
    const job: RunningExport = { subject: caller.subject, progress: { pages: 0, rows: 0, itemsDone: 0 }, done: false };
    running.set(id, job);
    const finish = (error?: string) => {
      job.done = true;
      job.error = error;
      slots.delete(caller.subject).catch(() => undefined);
      setTimeout(() => running.delete(id), FINISHED_KEPT_MS).unref();
    };
    const run = async (document: DocumentNode, pageVariables: Record<string, unknown>, operationName?: string): Promise<PageResult> => {
      const result = await options.apollo.executeOperation(
        { query: print(document), variables: pageVariables, operationName },
        { contextValue: { caller, exportPage: true } },
      );
      return result.body.kind === 'single' ? result.body.singleResult : { errors: [{ message: 'Kết quả không đọc được.' }] };
    };
    let started = false;
    try {
      const exportJob = startExportJob(options.schema, body.query, variables, typeof body.operationName === 'string' ? body.operationName : undefined, run, job.progress);
      // The first rows decide the answer: an error before them is a JSON refusal, after them the download breaks off.
      const first = await exportJob.rows.next();
      response
        .status(200)
        .set('Content-Type', CONTENT_TYPES[format])
        .set('Content-Disposition', `attachment; filename="ket-qua.${format}"`)
        .set('Cache-Control', 'no-store')
        .set('X-Export-Id', id);
      started = true;
      const writer = fileWriter(format, response, exportJob.columns);
      if (!first.done) await writer.write(first.value);
      for await (const rows of exportJob.rows) await writer.write(rows);
      await writer.end();
      finish();
    } catch (error) {
      const message = error instanceof ExportError ? error.message : 'Máy chủ gặp lỗi khi tạo tệp. Vui lòng thử lại sau.';
      finish(message);
      if (!(error instanceof ExportError)) console.error(`[explorer] export failed: ${error instanceof Error ? error.name : 'Error'}`);
      if (!started) return sendError(response, error instanceof ExportError ? 400 : 500, error instanceof ExportError ? error.code : 'INTERNAL_SERVER_ERROR', message);
      response.destroy();
    }
  });

  router.use('/api', (_request, response) => sendError(response, 404, 'NOT_FOUND', 'Không tìm thấy địa chỉ này.'));

  // The page: hashed assets from their precompressed copies (brotli, gzip) cached for a year as immutable,
  // index.html revalidated on every visit (as the front ends are served, packages/ui/vite-shared.js).
  const assets = existsSync(`${dist}assets`) ? sirv(`${dist}assets`, { brotli: true, gzip: true, maxAge: 31536000, immutable: true, dev: false, etag: true }) : undefined;
  router.use('/assets', (request, response, next) => (assets ? assets(request, response, next) : next()));
  router.get(['/', '/index.html'], (_request, response) => {
    if (!existsSync(`${dist}index.html`)) return sendError(response, 404, 'NOT_FOUND', 'Chưa dựng trang khám phá dữ liệu (pnpm --filter @dangvien/frontend-explorer build).');
    response.set('Cache-Control', 'no-cache').sendFile(`${dist}index.html`);
  });
  return router;
}

