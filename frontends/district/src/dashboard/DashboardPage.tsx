import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, ButtonLink, formatDate, QueryBoundary, useParams, useQuery, useSearchParams } from '@dangvien/ui';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { CellMembers } from './CellMembers.tsx';
import { ChildUnits } from './ChildUnits.tsx';
import { Crumbs, drillPath } from './Crumbs.tsx';
import { DuesSection } from './DuesSection.tsx';
import { isCell } from './links.ts';
import { en, vi } from './messages.ts';
import { duesMonths, periodFromSearch, periodSearch, type Period } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { DASHBOARD_DUES, DASHBOARD_FIGURES, DASHBOARD_UNIT } from './queries.ts';
import { ActivitySection, MemberSection, MovementSection, Summary } from './Sections.tsx';
import './dashboard.css';

addTranslations('district.dashboard', { vi, en });

/**
 * Thống kê: the figures of the open top unit, or of a unit below it (units/<id>: the drill-down
 * district → grassroots committee → cell → member), for a period kept in the address.
 */
export default function DashboardPage() {
  const { t } = useTranslation('district.dashboard');
  const { unitId, districtPath, wardPath, cellPath } = useDistrictPath();
  const { focusId } = useParams();
  const viewId = focusId ?? unitId;
  const [search, setSearch] = useSearchParams();
  const today = useMemo(() => new Date(), []);
  const period = periodFromSearch(search, today);
  const year = Number(period.to.slice(0, 4));
  const months = duesMonths(period, today);
  const unit = useQuery(DASHBOARD_UNIT, { id: viewId });
  const figures = useQuery(DASHBOARD_FIGURES, { unitId: viewId, from: period.from, to: period.to, year });
  const dues = useQuery(DASHBOARD_DUES, { unitId: viewId, fromMonth: months?.fromMonth ?? '', toMonth: months?.toMonth ?? '' }, { enabled: Boolean(months) });
  const drillHref = (id: string) => `${id === unitId ? districtPath() : districtPath('units', id)}${periodSearch(period)}`;
  const setPeriod = (next: Period) => setSearch({ from: next.from, to: next.to });
  const view = unit.data?.orgUnit;
  const kind = view?.kind;
  const paths = { wardPath, cellPath };
  const modulePage = kind === 'GRASSROOTS_COMMITTEE' ? wardPath(viewId) : isCell(kind) ? cellPath(viewId) : undefined;
  return (
    <div data-testid="dashboard" data-unit={viewId} data-from={period.from} data-to={period.to}>
      {view ? <Crumbs steps={drillPath(view, unitId)} href={drillHref} /> : null}
      {modulePage ? (
        <p>
          <ButtonLink to={modulePage} data-testid="dashboard-module-page">
            {kind === 'GRASSROOTS_COMMITTEE' ? t('openWard') : t('openCell')}
          </ButtonLink>
        </p>
      ) : null}
      <PeriodPicker key={`${period.from} ${period.to}`} period={period} today={today} onChange={setPeriod} />
      <QueryBoundary query={figures}>
        {(data) => (
          <div data-testid="dashboard-figures" data-from={data.memberStatistics.from} data-to={data.memberStatistics.to}>
            <p className="dv-muted" data-testid="dashboard-period">
              {t('period.current', { from: formatDate(data.memberStatistics.from), to: formatDate(data.memberStatistics.to) })}
            </p>
            <Summary data={data} dues={months ? dues.data?.duesSummary : null} unit={{ id: viewId, kind }} paths={paths} />
            {isCell(kind) ? (
              <CellMembers cellId={viewId} asOf={period.to} memberHref={(memberId) => cellPath(viewId, 'members', memberId)} />
            ) : (
              <ChildUnits data={data} dues={months ? dues.data?.duesSummary : null} href={drillHref} />
            )}
            <MemberSection data={data} />
            <MovementSection data={data} />
            <ActivitySection data={data} year={year} />
            <DuesSection months={months} dues={dues} />
          </div>
        )}
      </QueryBoundary>
    </div>
  );
}
