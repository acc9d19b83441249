import { useBasePath } from '../layout/basePath.ts';
import { useId, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ErrorMessage,
  joinPath,
  Loading,
  Page,
  UnitPicker,
  useCurrentUnit,
  useQuery,
  type RemoteAppProps,
} from '@dangvien/ui';
import { visibleMembers } from './members.ts';
import { MembersTable } from './MembersTable.tsx';
import { CELL_MEMBERS } from './queries.ts';

/** A link that looks like the large buttons: easy to find and to hit. */
const LINK_BUTTON = { display: 'inline-flex', alignItems: 'center', textDecoration: 'none', boxSizing: 'border-box' } as const;

export function CellPage({ basePath }: RemoteAppProps) {
  const { cellId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation('cell');
  const searchId = useId();
  const [search, setSearch] = useState('');
  const cells = useCurrentUnit('CELL');
  const { data, error, isPending: loading, refetch } = useQuery(CELL_MEMBERS, { id: cellId });

  const members = useMemo(() => visibleMembers(data?.orgUnit?.members ?? [], search), [data, search]);

  const toolbar = (
    <>
      {cells.units.length > 0 ? (
        <UnitPicker
          label={t('pickCell')}
          units={cells.units}
          value={cellId}
          onChange={(id) => {
            void navigate(joinPath(basePath, id));
          }}
        />
      ) : null}
      <div className="dv-field">
        <label htmlFor={searchId}>{t('search')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
          aria-describedby={`${searchId}-hint`}
        />
        <small id={`${searchId}-hint`} className="dv-muted">
          {t('searchHint')}
        </small>
      </div>
    </>
  );

  return (
    <Page title={t('title')} toolbar={toolbar}>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : !data?.orgUnit ? (
        <p>
          {t('common.unitNotFound', { ns: 'translation' })} <Link to={basePath}>{t('backToDefault')}</Link>
        </p>
      ) : (
        <>
          <h2 data-testid="cell-name">{data.orgUnit.name}</h2>
          {/* A group, not a <nav>: the shell's menu stays the page's one navigation landmark. */}
          <div role="group" aria-label={t('cellActions')} className="dv-page__toolbar">
            <Link className="dv-button" style={LINK_BUTTON} to={joinPath(basePath, cellId, 'meeting')} data-testid="cell-meeting-link">
              {t('meetingLink')}
            </Link>
            <Link className="dv-button" style={LINK_BUTTON} to={joinPath(basePath, cellId, 'tasks')} data-testid="cell-tasks-link">
              {t('tasksLink')}
            </Link>
          </div>
          <MembersTable
            members={members}
            emptyText={search.trim() ? t('noMatch') : t('noMembers')}
          />
        </>
      )}
    </Page>
  );
}

/** Route element (until this page is rebuilt on the kit): the old page with the module's base path. */
export default function RouteCellPage() {
  return <CellPage basePath={useBasePath()} />;
}
