import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { columnsOf, crossRows, flattenValue, operationOf, type Column, type ResponsePath, type Row } from './rows.ts';
import { ITEM_VARIABLE_PREFIX, splitAtList } from './split.ts';

export interface PageResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs one operation as the caller, through every limit of the gateway (its scope, cost, deadline). */
export type RunPage = (document: DocumentNode, variables: Record<string, unknown>, operationName?: string) => Promise<PageResult>;

export interface ExportProgress {
  /** Requests sent so far. */
  pages: number;
  rows: number;
  /** Items of the outermost split list, when the operation had to be split. */
  items?: number;
  itemsDone: number;
}

/** Why an export could not be made, in words for the analyst (Vietnamese), with the GraphQL error's code. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Items fetched by id in one request, before the cost limit says fewer (the alias limit is 15). */
const FIRST_BATCH = 10;
/** The largest export, in rows: past it the analyst narrows the question (a unit, a year). */
export const MAX_EXPORT_ROWS = 500_000;

const SPLIT_ON = new Set(['COST', 'TIMEOUT']);
const tooLarge = (result: PageResult) =>
  !result.data && (result.errors ?? []).some((error) => SPLIT_ON.has(String(error.extensions?.limit ?? '')) || error.extensions?.code === 'TIMEOUT');

function answered(result: PageResult): Record<string, unknown> {
  if (result.data) return result.data;
  const error = result.errors?.[0];
  throw new ExportError(error?.message ?? 'Không chạy được câu truy vấn.', String(error?.extensions?.code ?? 'BAD_REQUEST'));
}

/** The value at a path of single objects, or undefined when something on the way is null. */
function valueAt(data: unknown, path: ResponsePath): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

function withoutPath(data: Record<string, unknown>, path: ResponsePath): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined || !(head in data)) return data;
  if (rest.length === 0) {
    const { [head]: _removed, ...others } = data;
    return others;
  }
  const child = data[head];
  return { ...data, [head]: child && typeof child === 'object' && !Array.isArray(child) ? withoutPath(child as Record<string, unknown>, rest) : child };
}

/** Maps a split part's response paths (root key first) to the original operation's. */
type PathMap = (path: ResponsePath) => string[];

export interface ExportJob {
  columns: Column[];
  /** Rows in batches, as the pages come; throws ExportError when a page fails. */
  rows: AsyncGenerator<Row[]>;
}

/**
 * Answers a query as rows, page by page: the whole query in one request when the gateway's limits allow
 * it; otherwise split at its outermost list (the list's ids, then its items a few at a time, again split
 * when one item is still too much), so a question over a whole district is asked in pieces the limits
 * allow, each as the caller, inside the caller's scope.
 */
export function startExportJob(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  run: RunPage,
  progress: ExportProgress,
): ExportJob {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    throw new ExportError(error instanceof GraphQLError ? `Câu truy vấn sai cú pháp: ${error.message}` : 'Câu truy vấn sai cú pháp.', 'GRAPHQL_PARSE_FAILED');
  }
  const operation = operationOf(document, operationName);
  if (!operation) throw new ExportError('Không tìm thấy câu truy vấn cần chạy (hãy chọn một operation).', 'BAD_USER_INPUT');
  if (operation.operation !== 'query') throw new ExportError('Chỉ tải xuống được kết quả của câu truy vấn (query), không phải thao tác thay đổi dữ liệu.', 'BAD_USER_INPUT');
  const columns = columnsOf(schema, document, operation);

  const counted = async (...args: Parameters<RunPage>) => {
    progress.pages += 1;
    return run(...args);
  };

  async function* answer(part: DocumentNode, partVariables: Record<string, unknown>, map: PathMap, name: string | undefined, top: boolean): AsyncGenerator<Row[]> {
    const whole = await counted(part, partVariables, name);
    if (!tooLarge(whole)) {
      yield rowsOf(answered(whole), map);
      return;
    }
    const partOperation = operationOf(part, name)!;
    const split = splitAtList(schema, part, partOperation);
    if (!split) throw new ExportError(`${whole.errors?.[0]?.message ?? ''} Không chia nhỏ được câu truy vấn: hãy hỏi từng đơn vị, hoặc viết danh sách ngoài cùng trực tiếp (không trong fragment).`.trim(), 'COST_LIMIT');
    const outer = answered(await counted(split.idsDocument, partVariables));
    const listed = valueAt(outer, split.listPath);
    const ids = Array.isArray(listed) ? listed.map((item) => (item as { id: string }).id) : [];
    const context = rowsOf(withoutPath(outer, split.listPath), map);
    const itemMap: PathMap = (path) => map([...split.listPath, ...path.slice(1)]);
    if (top) progress.items = ids.length;
    let batch = FIRST_BATCH;
    for (let done = 0; done < ids.length; ) {
      const slice = ids.slice(done, done + batch);
      const itemVariables = { ...partVariables, ...Object.fromEntries(slice.map((id, index) => [`${ITEM_VARIABLE_PREFIX}${index}`, id])) };
      const itemDocument = split.itemDocument(slice.length);
      const result = await counted(itemDocument, itemVariables);
      if (tooLarge(result) && batch > 1) {
        batch = Math.max(1, Math.floor(batch / 2));
        continue;
      }
      if (tooLarge(result)) {
        for await (const rows of answer(itemDocument, itemVariables, itemMap, undefined, false)) yield crossRows(context, rows);
      } else {
        const data = answered(result);
        yield crossRows(context, slice.flatMap((_, index) => rowsOf({ [`i${index}`]: data[`i${index}`] }, itemMap)));
      }
      done += slice.length;
      if (top) progress.itemsDone = done;
    }
  }

  async function* limited(): AsyncGenerator<Row[]> {
    for await (const rows of answer(document, variables, (path) => [...path], operationName, true)) {
      progress.rows += rows.length;
      if (progress.rows > MAX_EXPORT_ROWS) throw new ExportError(`Kết quả vượt quá ${MAX_EXPORT_ROWS.toLocaleString('vi-VN')} dòng: hãy thu hẹp câu hỏi (một đơn vị, một năm).`, 'EXPORT_TOO_LARGE');
      yield rows;
    }
  }
  return { columns, rows: limited() };
}

/** A result's rows, keyed by the original operation's response paths. */
function rowsOf(data: Record<string, unknown>, map: PathMap): Row[] {
  let rows: Row[] = [{}];
  for (const [key, value] of Object.entries(data)) {
    const mapped = flattenValue(value, [key]).map((row) => Object.fromEntries(Object.entries(row).map(([path, cell]) => [map(path.split('.')).join('.'), cell])));
    rows = crossRows(rows, mapped);
  }
  return rows;
}
