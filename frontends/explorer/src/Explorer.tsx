import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, session, UiStyles, useSession } from '@dangvien/ui';
import type { CurrentQuery } from './current-query.ts';
import { Download } from './download/Download.tsx';
import { EXAMPLE_QUERIES } from './examples.ts';
import { SavedQueries } from './saved/SavedQueries.tsx';
import './explorer.css';

const QueryEditor = lazy(() => import('./QueryEditor.tsx'));

/** Roles that only read: the explorer offers them no mutation (and the subgraphs refuse any). */
const READ_ONLY_ROLES = new Set(['ANALYST', 'PROVINCIAL_SYSTEM']);
const pretty = (variables: unknown) => JSON.stringify(variables, null, 2);

interface Opened extends CurrentQuery {
  /** Remounts the editor with this query and variables. */
  key: number;
  savedId?: string;
}

/** The explorer: example menu, the editor (GraphiQL), saved queries and downloads of the result. */
export function Explorer() {
  const { t } = useTranslation('explorer');
  const { user, grants } = useSession();
  const readOnly = grants.length > 0 && grants.every((grant) => READ_ONLY_ROLES.has(grant.role));
  const first = EXAMPLE_QUERIES[0]!;
  const [opened, setOpened] = useState<Opened>({ key: 0, query: first.query, variables: pretty(first.variables) });
  const current = useRef<CurrentQuery>({ query: opened.query, variables: opened.variables });

  const open = useCallback((query: string, variables: string, savedId?: string) => {
    current.current = { query, variables };
    setOpened((previous) => ({ key: previous.key + 1, query, variables, savedId }));
  }, []);
  const openVariables = (text: string) => {
    try {
      return pretty(JSON.parse(text));
    } catch {
      return text;
    }
  };

  return (
    <div className="explorer">
      <UiStyles />
      <header className="explorer-header">
        <h1 className="explorer-header__title">{t('title')}</h1>
        <span className="explorer-header__user" data-testid="current-user">
          {user?.name}
        </span>
        <button type="button" className="dv-button dv-button--secondary" onClick={() => void session.signOut()}>
          {t('signOut')}
        </button>
      </header>
      <main className="explorer-main">
        <aside className="explorer-side">
          <p className="explorer-muted">{t('intro')}</p>
          {readOnly ? <p className="dv-notice" data-testid="read-only">{t('readOnly')}</p> : null}
          <label className="explorer-examples">
            {t('examples.label')}
            <select
              value=""
              data-testid="examples"
              onChange={(event) => {
                const example = EXAMPLE_QUERIES.find((candidate) => candidate.id === event.target.value);
                if (example) open(example.query, pretty(example.variables));
              }}
            >
              <option value="">{t('examples.choose')}</option>
              {EXAMPLE_QUERIES.map((example) => (
                <option key={example.id} value={example.id} title={example.description}>
                  {example.title}
                </option>
              ))}
            </select>
          </label>
          <Download current={() => current.current} />
          <SavedQueries current={() => current.current} openedId={opened.savedId} onOpen={(saved) => open(saved.query, openVariables(saved.variables), saved.mine ? saved.id : undefined)} />
        </aside>
        <Suspense fallback={<Loading label={t('loadingEditor')} />}>
          <QueryEditor
            key={opened.key}
            initialQuery={opened.query}
            initialVariables={opened.variables}
            onEditQuery={(query) => (current.current = { ...current.current, query })}
            onEditVariables={(variables) => (current.current = { ...current.current, variables })}
            onEditOperationName={(name) => (current.current = { ...current.current, operationName: name ?? undefined })}
          />
        </Suspense>
      </main>
    </div>
  );
}
