import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, DataTable, formatDate, Link, QueryBoundary, Section, useQuery, type Column } from '@dangvien/ui';
import type { DistrictDataQualityQuery, DistrictQualityMemberAlertsQuery, DistrictQualityStaleAlertsQuery } from '../generated/graphql.ts';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { committeeOf, memberFixPath, staleAlertFixPath } from './links.ts';
import { en, vi } from './messages.ts';
import { ALERT_PAGE, DATA_QUALITY, QUALITY_MEMBER_ALERTS, QUALITY_STALE_ALERTS } from './queries.ts';

addTranslations('district.quality', { vi, en });

type Quality = DistrictDataQualityQuery['memberDataQuality'];
type SharedCitizenId = { key: string; citizenId: string; member: Quality['sameCitizenId'][number]['members'][number] };
type Twin = { key: string; group: string; member: Quality['sameNameAndBirth'][number]['members'][number] };
type WithoutCell = Quality['membersWithoutCell'][number];
type MemberAlert = DistrictQualityMemberAlertsQuery['memberAlerts']['alerts'][number];
type StaleAlert = DistrictQualityStaleAlertsQuery['evaluationAlerts'][number];

/** A link to where an item is fixed, or the label alone when that module is not mounted (standalone). */
function FixLink({ to, label, testId }: { to: string | undefined; label: string; testId: string }) {
  return to ? (
    <Link to={to} data-testid={testId}>
      {label}
    </Link>
  ) : (
    <>{label}</>
  );
}

/**
 * Chất lượng dữ liệu of the open unit's subtree: possible duplicates, incomplete records, members in no
 * cell, overdue transfer letters, stale alerts. Each list is its own query (a subgraph down costs only
 * its lists) and each line leads to the ward or cell module's page where it is fixed.
 */
export default function QualityPage() {
  const { t } = useTranslation('district.quality');
  const { unitId } = useDistrictPath();
  const quality = useQuery(DATA_QUALITY, { unitId });
  const memberAlerts = useQuery(QUALITY_MEMBER_ALERTS, { unitId, first: ALERT_PAGE });
  const stale = useQuery(QUALITY_STALE_ALERTS, { unitId });
  return (
    <>
      <Section title={t('title')}>
        <p>{t('intro')}</p>
      </Section>
      <QueryBoundary query={quality}>
        {(data) => (
          <>
            <SameCitizenId groups={data.memberDataQuality.sameCitizenId} />
            <SameNameAndBirth groups={data.memberDataQuality.sameNameAndBirth} />
            <MembersWithoutCell rows={data.memberDataQuality.membersWithoutCell} />
          </>
        )}
      </QueryBoundary>
      <QueryBoundary query={memberAlerts}>
        {(data) => (
          <>
            <MissingFields rows={data.memberAlerts.alerts.filter((alert) => alert.kind === 'MISSING_REQUIRED_FIELDS')} />
            <OverdueTransfers rows={data.memberAlerts.alerts.filter((alert) => alert.kind === 'TRANSFER_LETTER_OVERDUE')} />
          </>
        )}
      </QueryBoundary>
      <QueryBoundary query={stale}>{(data) => <StaleAlerts rows={data.evaluationAlerts} />}</QueryBoundary>
    </>
  );
}

function ListSection({ title, help, children, testId }: { title: string; help?: string; children: ReactNode; testId: string }) {
  return (
    <Section title={title}>
      <div data-testid={testId}>
        {help ? <p>{help}</p> : null}
        {children}
      </div>
    </Section>
  );
}

function SameCitizenId({ groups }: { groups: Quality['sameCitizenId'] }) {
  const { t } = useTranslation('district.quality');
  const paths = useDistrictPath();
  const rows: SharedCitizenId[] = groups.flatMap((group, index) =>
    group.members.map((member) => ({ key: `${String(index)}-${member.id}`, citizenId: member.citizenId ?? group.members.find((other) => other.citizenId)?.citizenId ?? '—', member })),
  );
  const columns: Column<SharedCitizenId>[] = [
    { header: t('citizen.citizenId'), sortValue: (row) => row.citizenId, cell: (row) => row.citizenId },
    { header: t('citizen.member'), sortValue: (row) => row.member.fullName ?? '', cell: (row) => row.member.fullName ?? '—' },
    { header: t('citizen.dateOfBirth'), cell: (row) => (row.member.dateOfBirth ? formatDate(row.member.dateOfBirth) : '—') },
    { header: t('citizen.cell'), sortValue: (row) => row.member.cell?.name ?? '', cell: (row) => row.member.cell?.name ?? '—' },
    {
      header: t('fixCol'),
      cell: (row) => <FixLink to={memberFixPath(paths, row.member.id, row.member.cell)} label={t('citizen.fix')} testId="quality-citizen-fix" />,
      exportValue: () => null,
    },
  ];
  return (
    <ListSection title={t('citizen.title')} help={t('citizen.help')} testId="quality-citizen">
      <DataTable caption={t('citizen.caption', { count: groups.length })} columns={columns} rows={rows} rowKey={(row) => row.key} emptyText={t('citizen.empty')} exportFileName="trung-so-cccd" pageSize={50} />
    </ListSection>
  );
}

function SameNameAndBirth({ groups }: { groups: Quality['sameNameAndBirth'] }) {
  const { t } = useTranslation('district.quality');
  const paths = useDistrictPath();
  const rows: Twin[] = groups.flatMap((group) =>
    group.members.map((member) => ({ key: `${group.fullName}-${group.dateOfBirth}-${member.id}`, group: `${group.fullName}, ${formatDate(group.dateOfBirth)}`, member })),
  );
  const columns: Column<Twin>[] = [
    { header: t('twins.group'), sortValue: (row) => row.group, cell: (row) => row.group },
    { header: t('twins.member'), cell: (row) => row.member.fullName ?? '—' },
    { header: t('twins.cell'), sortValue: (row) => row.member.cell?.name ?? '', cell: (row) => row.member.cell?.name ?? '—' },
    { header: t('fixCol'), cell: (row) => <FixLink to={memberFixPath(paths, row.member.id, row.member.cell)} label={t('twins.fix')} testId="quality-twin-fix" />, exportValue: () => null },
  ];
  return (
    <ListSection title={t('twins.title')} help={t('twins.help')} testId="quality-twins">
      <DataTable caption={t('twins.caption', { count: groups.length })} columns={columns} rows={rows} rowKey={(row) => row.key} emptyText={t('twins.empty')} exportFileName="trung-ho-ten-ngay-sinh" pageSize={50} />
    </ListSection>
  );
}

function MembersWithoutCell({ rows }: { rows: readonly WithoutCell[] }) {
  const { t } = useTranslation('district.quality');
  const paths = useDistrictPath();
  const columns: Column<WithoutCell>[] = [
    { header: t('noCell.member'), sortValue: (row) => row.member.fullName ?? '', cell: (row) => row.member.fullName ?? '—' },
    { header: t('noCell.placedAt'), sortValue: (row) => row.placedAt.name ?? '', cell: (row) => row.placedAt.name ?? '—' },
    { header: t('noCell.since'), sortValue: (row) => row.since ?? '', cell: (row) => (row.since ? formatDate(row.since) : '—') },
    { header: t('fixCol'), cell: (row) => <FixLink to={memberFixPath(paths, row.member.id, row.placedAt)} label={t('noCell.fix')} testId="quality-no-cell-fix" />, exportValue: () => null },
  ];
  return (
    <ListSection title={t('noCell.title')} help={t('noCell.help')} testId="quality-no-cell">
      <DataTable caption={t('noCell.caption', { count: rows.length })} columns={columns} rows={rows} rowKey={(row) => row.member.id} emptyText={t('noCell.empty')} exportFileName="chua-co-chi-bo" pageSize={50} />
    </ListSection>
  );
}

function MissingFields({ rows }: { rows: readonly MemberAlert[] }) {
  const { t } = useTranslation('district.quality');
  const paths = useDistrictPath();
  const columns: Column<MemberAlert>[] = [
    { header: t('missing.member'), sortValue: (row) => row.member?.fullName ?? '', cell: (row) => row.member?.fullName ?? '—' },
    { header: t('missing.cell'), sortValue: (row) => row.cell?.name ?? '', cell: (row) => row.cell?.name ?? '—' },
    { header: t('missing.detail'), cell: (row) => row.detail },
    {
      header: t('fixCol'),
      cell: (row) => (row.member ? <FixLink to={memberFixPath(paths, row.member.id, row.cell)} label={t('missing.fix')} testId="quality-missing-fix" /> : null),
      exportValue: () => null,
    },
  ];
  return (
    <ListSection title={t('missing.title')} testId="quality-missing">
      <DataTable
        caption={t('missing.caption', { count: rows.length })}
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.member?.id ?? ''}-${row.detail}`}
        emptyText={t('missing.empty')}
        exportFileName="ly-lich-thieu-truong"
        pageSize={50}
      />
    </ListSection>
  );
}

function OverdueTransfers({ rows }: { rows: readonly MemberAlert[] }) {
  const { t } = useTranslation('district.quality');
  const { wardPath } = useDistrictPath();
  const columns: Column<MemberAlert>[] = [
    { header: t('transfers.member'), sortValue: (row) => row.member?.fullName ?? '', cell: (row) => row.member?.fullName ?? '—' },
    { header: t('transfers.cell'), sortValue: (row) => row.cell?.name ?? '', cell: (row) => row.cell?.name ?? '—' },
    { header: t('transfers.due'), sortValue: (row) => row.dueDate ?? '', cell: (row) => (row.dueDate ? formatDate(row.dueDate) : '—') },
    { header: t('transfers.detail'), cell: (row) => row.detail },
    {
      header: t('fixCol'),
      cell: (row) => {
        const committee = row.cell ? committeeOf(row.cell) : undefined;
        return committee ? <FixLink to={wardPath(committee, 'transfers')} label={t('transfers.fix')} testId="quality-transfer-fix" /> : null;
      },
      exportValue: () => null,
    },
  ];
  return (
    <ListSection title={t('transfers.title')} testId="quality-transfers">
      <DataTable
        caption={t('transfers.caption', { count: rows.length })}
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.member?.id ?? ''}-${row.detail}`}
        emptyText={t('transfers.empty')}
        exportFileName="giay-gioi-thieu-qua-han"
      />
    </ListSection>
  );
}

function StaleAlerts({ rows }: { rows: readonly StaleAlert[] }) {
  const { t } = useTranslation('district.quality');
  const paths = useDistrictPath();
  const kindLabel = (kind: string) => (vi.stale.kind as Record<string, string>)[kind] ? t(`stale.kind.${kind}`) : kind;
  const columns: Column<StaleAlert>[] = [
    { header: t('stale.kindCol'), sortValue: (row) => kindLabel(row.kind), cell: (row) => kindLabel(row.kind) },
    { header: t('stale.unit'), sortValue: (row) => row.unit.name ?? '', cell: (row) => row.unit.name ?? '—' },
    { header: t('stale.member'), cell: (row) => row.member?.fullName ?? '' },
    { header: t('stale.detail'), cell: (row) => row.detail },
    { header: t('fixCol'), cell: (row) => <FixLink to={staleAlertFixPath(paths, row.kind, row.unit)} label={t('stale.fix')} testId="quality-stale-fix" />, exportValue: () => null },
  ];
  return (
    <ListSection title={t('stale.title')} help={t('stale.help')} testId="quality-stale">
      <DataTable
        caption={t('stale.caption', { count: rows.length })}
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.kind}-${row.unit.id}-${row.member?.id ?? ''}-${row.detail}`}
        emptyText={t('stale.empty')}
        exportFileName="canh-bao-ton-dong"
        pageSize={50}
      />
    </ListSection>
  );
}
