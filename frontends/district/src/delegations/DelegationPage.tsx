import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, DataTable, Dialog, Facts, formatDate, QueryBoundary, Section, Toolbar, useParams, useQuery, type Column } from '@dangvien/ui';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { DelegateWork } from './DelegateWork.tsx';
import { EndDelegationForm } from './EndDelegationForm.tsx';
import { DISTRICT_DELEGATION, type DelegateDetail, type DelegationDetail } from './queries.ts';
import { GRADES, todayInVietnam } from './schemas.ts';

/** One delegation: who directs which unit, the year's rating summary, each delegate's work items and rating. */
export default function DelegationPage() {
  const { t } = useTranslation('district.delegations');
  const { delegationId = '' } = useParams();
  const { districtPath } = useDistrictPath();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const [openDelegate, setOpenDelegate] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(DISTRICT_DELEGATION, { id: delegationId, year }, { keepPrevious: true });
  const yearId = useId();
  return (
    <QueryBoundary query={query}>
      {(data) => {
        const delegation = data.delegation;
        if (!delegation) return <p className="dv-empty">{t('detail.notFound')}</p>;
        const selected = delegation.delegates.find((delegate) => delegate.id === openDelegate);
        return (
          <>
            <Section
              title={<span data-testid="delegation-title">{delegation.name}</span>}
              actions={
                <>
                  <ButtonLink to={districtPath('delegations')}>{t('detail.back')}</ButtonLink>
                  {delegation.endsOn ? null : (
                    <Button variant="secondary" onClick={() => setEnding(true)} data-testid="delegation-end-open">
                      {t('detail.end')}
                    </Button>
                  )}
                </>
              }
            >
              <Facts
                items={[
                  { label: t('detail.assigning'), value: delegation.assigningUnit?.name ?? '—' },
                  { label: t('detail.target'), value: <span data-testid="delegation-target-name">{delegation.targetUnit?.name ?? '—'}</span> },
                  {
                    label: t('detail.period'),
                    value: delegation.endsOn
                      ? t('detail.periodClosed', { from: formatDate(delegation.startsOn), to: formatDate(delegation.endsOn) })
                      : t('detail.periodOpen', { from: formatDate(delegation.startsOn) }),
                  },
                  { label: t('detail.decision'), value: delegation.decisionNumber },
                ]}
              />
              <Toolbar>
                <div className="dv-field">
                  <label htmlFor={yearId}>{t('year')}</label>
                  <input
                    id={yearId}
                    type="number"
                    min={Number(delegation.startsOn.slice(0, 4))}
                    max={2200}
                    value={year}
                    data-testid="delegation-year"
                    onChange={(event) => {
                      const value = Number(event.target.value);
                      if (Number.isInteger(value) && value >= 1930 && value <= 2200) setYear(value);
                    }}
                  />
                </div>
              </Toolbar>
              {notice ? (
                <Alert tone="success" live="status">
                  <span data-testid="delegation-notice">{notice}</span>
                </Alert>
              ) : null}
              <RatingSummary delegation={delegation} year={year} />
            </Section>
            <DelegatesTable delegation={delegation} year={year} onOpen={setOpenDelegate} />
            {selected ? (
              <DelegateWork
                key={`${selected.id}-${year}`}
                delegate={selected}
                year={year}
                startsOn={delegation.startsOn}
                onSaved={(message) => setNotice(message)}
              />
            ) : null}
            <Dialog open={ending} title={t('detail.end')} onClose={() => setEnding(false)}>
              <EndDelegationForm
                delegation={delegation}
                onDone={(message) => {
                  setEnding(false);
                  setNotice(message);
                }}
              />
            </Dialog>
          </>
        );
      }}
    </QueryBoundary>
  );
}

/** "16 of 46 rated excellent", and the count of each grade. */
function RatingSummary({ delegation, year }: { delegation: DelegationDetail; year: number }) {
  const { t } = useTranslation('district.delegations');
  const summary = delegation.ratingSummary;
  const excellent = summary.byGrade.find((entry) => entry.grade === 'EXCELLENT')?.count ?? 0;
  const rows = GRADES.map((grade) => ({ grade, count: summary.byGrade.find((entry) => entry.grade === grade)?.count ?? 0 }));
  return (
    <>
      <p data-testid="delegation-summary">{t('detail.summary', { year, excellent, delegates: summary.delegates, rated: summary.rated })}</p>
      <DataTable
        caption={t('detail.summaryCaption', { year })}
        columns={[
          { header: t('col.grade'), cell: (row) => t(`grade.${row.grade}`) },
          { header: t('col.count'), numeric: true, cell: (row) => row.count },
        ]}
        rows={rows}
        rowKey={(row) => row.grade}
        testId="delegation-summary-table"
        exportFileName={`danh-gia-doan-${year}`}
      />
    </>
  );
}

function DelegatesTable({ delegation, year, onOpen }: { delegation: DelegationDetail; year: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation('district.delegations');
  const columns: Column<DelegateDetail>[] = [
    { header: t('col.member'), sortValue: (row) => row.member.fullName ?? '', cell: (row) => row.member.fullName ?? '—' },
    { header: t('col.role'), cell: (row) => t(`role.${row.role}`) },
    { header: t('col.area'), sortValue: (row) => row.areaName, cell: (row) => row.areaName },
    {
      header: t('col.workItems'),
      numeric: true,
      cell: (row) => `${row.workItems.filter((item) => item.result).length}/${row.workItems.length}`,
    },
    { header: t('col.rating', { year }), cell: (row) => <span data-testid="delegate-rating">{row.rating ? t(`grade.${row.rating.grade}`) : t('detail.notRated')}</span> },
    {
      header: t('col.actions'),
      cell: (row) => (
        <Button variant="secondary" onClick={() => onOpen(row.id)} data-testid="delegate-open" aria-label={`${t('detail.openDelegate')}: ${row.member.fullName ?? ''}`}>
          {t('detail.openDelegate')}
        </Button>
      ),
      exportValue: () => null,
    },
  ];
  return (
    <DataTable
      caption={t('detail.delegatesCaption', { count: delegation.delegates.length })}
      columns={columns}
      rows={delegation.delegates}
      rowKey={(row) => row.id}
      testId="delegates-table"
      exportFileName={`thanh-vien-doan-${year}`}
    />
  );
}
