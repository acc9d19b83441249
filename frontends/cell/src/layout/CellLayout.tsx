import { Suspense } from 'react';
import { Outlet, useNavigate } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Page, SubNav, UnitPicker, useCurrentUnit, useQuery } from '@dangvien/ui';
import { graphql } from '../generated/index.ts';
import { useCellPath } from './useCellPath.ts';

const CELL_HEADER = graphql(`
  query CellHeader($id: ID!) {
    orgUnit(id: $id) { id name parent { id name } }
  }
`);

/** Every page of an open cell: its name, the cell picker (for whoever has several), the module's navigation, the page. */
export function CellLayout() {
  const { t } = useTranslation('cell');
  const navigate = useNavigate();
  const { cellId, cellPath } = useCellPath();
  const cells = useCurrentUnit('CELL');
  const header = useQuery(CELL_HEADER, { id: cellId });
  const nav = [
    { to: cellPath(), label: t('nav.home'), end: true },
    { to: cellPath('members'), label: t('nav.members') },
    { to: cellPath('meetings'), label: t('nav.meetings') },
    { to: cellPath('tasks'), label: t('nav.tasks') },
    { to: cellPath('review'), label: t('nav.review') },
    { to: cellPath('residence'), label: t('nav.residence') },
    { to: cellPath('dues'), label: t('nav.dues') },
  ];
  return (
    <Page title={<span data-testid="cell-name">{header.data?.orgUnit?.name ?? t('title')}</span>}>
      {cells.units.length > 1 ? (
        <UnitPicker
          label={t('pickCell')}
          units={cells.units}
          value={cellId}
          onChange={(id) => {
            void navigate(`${cellPath().replace(/[^/]+$/, '')}${encodeURIComponent(id)}`);
          }}
        />
      ) : null}
      <SubNav label={t('nav.label')} items={nav} />
      {header.error?.refused ? (
        // Refused (outside her scope, or no such cell): nothing of the page is shown.
        <ErrorMessage error={header.error} onRetry={() => void header.refetch()} />
      ) : header.data && !header.data.orgUnit ? (
        <p className="dv-empty">{t('cellNotFound')}</p>
      ) : (
        <>
          {/* The network is down: say so, but still open the page, which may work from what this device kept (a form's draft). */}
          {header.error && !header.data ? <ErrorMessage error={header.error} onRetry={() => void header.refetch()} /> : null}
          {/* The page loads and asks for its data at the same time as the cell's name, not after it. */}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </>
      )}
    </Page>
  );
}
