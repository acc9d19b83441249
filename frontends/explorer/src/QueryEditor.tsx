// Loaded on demand (React.lazy in Explorer.tsx): GraphiQL, its Monaco editor and its workers are the
// bulk of the explorer and come after sign-in, from the gateway itself (no CDN).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { useEffect, useMemo, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Loading } from '@dangvien/ui';
import { sessionFetch } from './session-fetch.ts';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

export interface QueryEditorProps {
  initialQuery: string;
  initialVariables: string;
  onEditQuery: (query: string) => void;
  onEditVariables: (variables: string) => void;
  onEditOperationName: (name: string | null) => void;
}

/**
 * GraphiQL keeps its tabs in localStorage by default: on a shared computer the next user would find
 * this one's questions. In memory only, gone with the page.
 */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const fetcher: Fetcher = async (params) => {
  // GraphiQL may still name the operation of the text it held before a paste; the gateway refuses a name
  // the document lacks, so a stale one is dropped (a document of one operation needs none).
  const named = params.operationName && new RegExp(`\\b${params.operationName}\\b`).test(params.query) ? params.operationName : undefined;
  const response = await sessionFetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ ...params, operationName: named }),
  });
  return response.json();
};

export default function QueryEditor(props: QueryEditorProps) {
  const { t } = useTranslation('explorer');
  const [schema, setSchema] = useState<GraphQLSchema | Error>();
  const storage = useMemo(() => memoryStorage(), []);

  // The schema comes from the gateway's /explorer/api/schema (introspection is off in production); a
  // read-only account gets it without its Mutation type, so no mutation is offered.
  useEffect(() => {
    let live = true;
    sessionFetch('/explorer/api/schema')
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const sdl = await response.text();
        if (live) setSchema(buildSchema(sdl));
      })
      .catch((error: unknown) => live && setSchema(error instanceof Error ? error : new Error(String(error))));
    return () => {
      live = false;
    };
  }, []);

  if (schema === undefined) return <Loading label={t('loadingEditor')} />;
  if (schema instanceof Error) return <Alert tone="danger" live="alert">{t('schemaError')}</Alert>;
  return (
    <div className="explorer-graphiql" data-testid="graphiql">
      <GraphiQL
        fetcher={fetcher}
        schema={schema}
        storage={storage}
        initialQuery={props.initialQuery}
        initialVariables={props.initialVariables}
        onEditQuery={props.onEditQuery}
        onEditVariables={props.onEditVariables}
        onEditOperationName={props.onEditOperationName}
        isHeadersEditorEnabled={false}
        defaultEditorToolsVisibility="variables"
        forcedTheme="light"
      />
    </div>
  );
}
