import { Suspense } from 'react';
import { Outlet, useNavigate } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Page, SubNav, UnitPicker, useCurrentUnit, useQuery } from '@dangvien/ui';
import { graphql } from '../generated/index.ts';
import { useWardPath } from './useWardPath.ts';

const WARD_HEADER = graphql(`
  query WardHeader($id: ID!) {
    orgUnit(id: $id) { id name parent { id name } }
  }
`);

/** Every page of an open grassroots committee: its name, the committee picker, the module's navigation, the page. */
export function WardLayout() {
  const { t } = useTranslation('ward');
  const navigate = useNavigate();
  const { committeeId, wardPath } = useWardPath();
  const committees = useCurrentUnit('GRASSROOTS_COMMITTEE');
  const header = useQuery(WARD_HEADER, { id: committeeId });
  const nav = [
    { to: wardPath(), label: t('nav.home'), end: true },
    { to: wardPath('cells'), label: t('nav.cells') },
    { to: wardPath('members'), label: t('nav.members') },
    { to: wardPath('transfers'), label: t('nav.transfers') },
    { to: wardPath('residence'), label: t('nav.residence') },
    { to: wardPath('grading'), label: t('nav.grading') },
    { to: wardPath('dues'), label: t('nav.dues') },
    { to: wardPath('import'), label: t('nav.import') },
  ];
  return (
    <Page title={<span data-testid="ward-name">{header.data?.orgUnit?.name ?? t('title')}</span>}>
      {committees.units.length > 1 ? (
        <UnitPicker
          label={t('pickCommittee')}
          units={committees.units}
          value={committeeId}
          onChange={(id) => {
            void navigate(`${wardPath().replace(/[^/]+$/, '')}${encodeURIComponent(id)}`);
          }}
        />
      ) : null}
      <SubNav label={t('nav.label')} items={nav} />
      {header.error?.refused ? (
        // Refused (outside the clerk's scope, or no such committee): nothing of the page is shown.
        <ErrorMessage error={header.error} onRetry={() => void header.refetch()} />
      ) : header.data && !header.data.orgUnit ? (
        <p className="dv-empty">{t('committeeNotFound')}</p>
      ) : (
        <>
          {header.error && !header.data ? <ErrorMessage error={header.error} onRetry={() => void header.refetch()} /> : null}
          {/* The page loads and asks for its data at the same time as the committee's name. */}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </>
      )}
    </Page>
  );
}
