import { Suspense } from 'react';
import { Outlet, useNavigate } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Page, SubNav, UnitPicker, useQuery } from '@dangvien/ui';
import { graphql } from '../generated/index.ts';
import { DISTRICT_ROOTS } from './roots.ts';
import { useDistrictPath } from './useDistrictPath.ts';

const DISTRICT_HEADER = graphql(`
  query DistrictHeader($id: ID!) {
    orgUnit(id: $id) { id name kind parent { id name } }
  }
`);

/** Every page of the open top unit: its name, the unit picker (several roots), the module's navigation, the page. */
export function DistrictLayout() {
  const { t } = useTranslation('district');
  const navigate = useNavigate();
  const { unitId, districtPath } = useDistrictPath();
  const roots = useQuery(DISTRICT_ROOTS);
  const header = useQuery(DISTRICT_HEADER, { id: unitId });
  const nav = [
    { to: districtPath(), label: t('nav.dashboard'), end: true },
    { to: districtPath('tree'), label: t('nav.tree') },
    { to: districtPath('delegations'), label: t('nav.delegations') },
    { to: districtPath('quality'), label: t('nav.quality') },
    { to: districtPath('badges'), label: t('nav.badges') },
    { to: districtPath('import'), label: t('nav.import') },
  ];
  const rootUnits = roots.data?.rootOrgUnits ?? [];
  return (
    <Page title={<span data-testid="district-name">{header.data?.orgUnit?.name ?? t('title')}</span>}>
      {rootUnits.length > 1 ? (
        <UnitPicker
          label={t('pickUnit')}
          units={rootUnits}
          value={unitId}
          onChange={(id) => {
            void navigate(`${districtPath().replace(/[^/]+$/, '')}${encodeURIComponent(id)}`);
          }}
        />
      ) : null}
      <SubNav label={t('nav.label')} items={nav} />
      {header.error?.refused ? (
        // Refused (outside the caller's scope, or no such unit): nothing of the page is shown.
        <ErrorMessage error={header.error} onRetry={() => void header.refetch()} />
      ) : header.data && !header.data.orgUnit ? (
        <p className="dv-empty">{t('unitNotFound')}</p>
      ) : (
        <>
          {header.error && !header.data ? <ErrorMessage error={header.error} onRetry={() => void header.refetch()} /> : null}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </>
      )}
    </Page>
  );
}
