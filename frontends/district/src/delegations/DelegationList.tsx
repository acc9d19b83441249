import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, DataTable, formatDate, Link, QueryBoundary, Section, Toolbar, useQuery, type Column } from '@dangvien/ui';
import type { DistrictDelegationsQuery } from '../generated/graphql.ts';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { DISTRICT_DELEGATIONS } from './queries.ts';
import { ISO_DATE, todayInVietnam } from './schemas.ts';

type Row = NonNullable<DistrictDelegationsQuery['orgUnit']>['assignedDelegations'][number];

/** The delegations the open unit assigned that act on a day (today by default), with the year's excellent count. */
export default function DelegationList() {
  const { t } = useTranslation('district.delegations');
  const { unitId, districtPath } = useDistrictPath();
  const today = todayInVietnam();
  const [asOf, setAsOf] = useState(today);
  const year = Number(asOf.slice(0, 4));
  const query = useQuery(DISTRICT_DELEGATIONS, { id: unitId, asOf, year }, { keepPrevious: true });
  const dateId = useId();
  const columns: Column<Row>[] = [
    {
      header: t('col.name'),
      sortValue: (row) => row.name,
      cell: (row) => (
        <Link to={districtPath('delegations', row.id)} data-testid="delegation-open">
          {row.name}
        </Link>
      ),
      exportValue: (row) => row.name,
    },
    { header: t('col.target'), sortValue: (row) => row.targetUnit?.name ?? '', cell: (row) => row.targetUnit?.name ?? '—' },
    { header: t('col.startsOn'), sortValue: (row) => row.startsOn, cell: (row) => formatDate(row.startsOn) },
    { header: t('col.endsOn'), sortValue: (row) => row.endsOn ?? '', cell: (row) => (row.endsOn ? formatDate(row.endsOn) : t('running')) },
    { header: t('col.decision'), cell: (row) => row.decisionNumber },
    { header: t('col.delegates'), numeric: true, sortValue: (row) => row.ratingSummary.delegates, cell: (row) => row.ratingSummary.delegates },
    {
      header: `${t('col.excellent')} (${year})`,
      numeric: true,
      cell: (row) => `${row.ratingSummary.byGrade.find((entry) => entry.grade === 'EXCELLENT')?.count ?? 0}/${row.ratingSummary.rated}`,
    },
  ];
  return (
    <>
      <Section
        title={t('title')}
        actions={
          <ButtonLink variant="primary" to={districtPath('delegations', 'new')} data-testid="delegation-create-open">
            {t('create')}
          </ButtonLink>
        }
      >
        <p>{t('intro')}</p>
        <Toolbar>
          <div className="dv-field">
            <label htmlFor={dateId}>{t('asOf')}</label>
            <input
              id={dateId}
              type="date"
              value={asOf}
              aria-describedby={`${dateId}-hint`}
              data-testid="delegations-as-of"
              onChange={(event) => {
                if (ISO_DATE.test(event.target.value)) setAsOf(event.target.value);
              }}
            />
            <small id={`${dateId}-hint`} className="dv-field__hint">
              {t('asOfHint')}
            </small>
          </div>
        </Toolbar>
      </Section>
      <QueryBoundary query={query}>
        {(data) => {
          const rows = data.orgUnit?.assignedDelegations ?? [];
          return (
            <DataTable
              caption={t('listCaption', { date: formatDate(asOf), count: rows.length })}
              columns={columns}
              rows={rows}
              rowKey={(row) => row.id}
              emptyText={t('empty')}
              testId="delegations-table"
              exportFileName={`doan-can-bo-${asOf}`}
            />
          );
        }}
      </QueryBoundary>
    </>
  );
}
