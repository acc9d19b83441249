import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  DataTable,
  Facts,
  formatDate,
  FormError,
  FormProvider,
  Section,
  SelectField,
  showServerError,
  useMutation,
  useSchemaForm,
  type Column,
} from '@dangvien/ui';
import { ASSIGN_RESIDENCE_CELL, type ResidentLink } from './queries.ts';
import { attendedIn, awaitingCell, commentStatus, summarizeByCell, type CellSummary } from './residence.ts';
import { assignSchema, type AssignForm } from './schemas.ts';
import type { ResidenceView } from './view.ts';

/** Tiếp nhận: members introduced to the ward waiting for a cell, then everyone living here by cell, with this year's comment and the last meeting. */
export function IntakeView({ members, cells, cellName, today }: ResidenceView) {
  const { t } = useTranslation('ward.residence');
  const year = Number(today.slice(0, 4));
  const waiting = awaitingCell(members);
  const [notice, setNotice] = useState<string | null>(null);
  const summary = summarizeByCell(members, cells.map((cell) => cell.id), year);
  return (
    <>
      <Section title={t('intakeTitle')}>
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="residence-notice">{notice}</span>
          </Alert>
        ) : null}
        {waiting.length === 0 ? (
          <p className="dv-empty" data-testid="residence-intake-none">
            {t('intakeNone')}
          </p>
        ) : (
          <>
            <p>{t('intakeCount', { count: waiting.length })}</p>
            <ul className="dv-cards" data-testid="residence-intake">
              {waiting.map((member) => (
                <IntakeCard key={member.id} member={member} cells={cells} onDone={setNotice} />
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section title={t('byCellTitle', { year })}>
        <ByCell rows={summary} cellName={cellName} year={year} />
      </Section>
      <Section title={t('listTitle')}>
        <MemberList members={members} cellName={cellName} year={year} />
      </Section>
    </>
  );
}

function IntakeCard({ member, cells, onDone }: { member: ResidentLink; cells: ResidenceView['cells']; onDone: (message: string) => void }) {
  const { t } = useTranslation('ward.residence');
  const form = useSchemaForm<AssignForm>(assignSchema, { residenceCellId: '' });
  const assign = useMutation(ASSIGN_RESIDENCE_CELL);
  const submit = form.handleSubmit(async (values) => {
    try {
      await assign.mutateAsync({ input: { memberId: member.memberId, residenceCellId: values.residenceCellId } });
      onDone(t('assigned', { name: member.memberName, cell: cells.find((cell) => cell.id === values.residenceCellId)?.name ?? '' }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <li className="dv-card" data-testid="residence-intake-member" data-member-id={member.memberId}>
      <div className="dv-card__head">
        <h3 className="dv-card__title">{member.memberName}</h3>
        <Badge tone="warning">{t('notAssigned')}</Badge>
      </div>
      <Facts
        items={[
          { label: t('workplace'), value: member.workplaceCellName ?? t('unknownWorkplace') },
          { label: t('since'), value: formatDate(member.validFrom) },
          { label: t('introduction'), value: member.introductionNumber },
        ]}
      />
      <FormProvider {...form}>
        <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="residence-assign-form" aria-label={t('actionsFor', { name: member.memberName })}>
          <SelectField<AssignForm>
            name="residenceCellId"
            label={t('cell')}
            options={[{ value: '', label: t('chooseCell') }, ...cells.map((cell) => ({ value: cell.id, label: cell.name }))]}
          />
          <FormError />
          <div className="dv-form__actions">
            <Button type="submit" disabled={form.formState.isSubmitting} data-testid="residence-assign-submit">
              {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('assign')}
            </Button>
          </div>
        </form>
      </FormProvider>
    </li>
  );
}

function ByCell({ rows, cellName, year }: { rows: readonly CellSummary[]; cellName: ResidenceView['cellName']; year: number }) {
  const { t } = useTranslation('ward.residence');
  const columns = useMemo<Column<CellSummary>[]>(
    () => [
      { header: t('cellName'), cell: (row) => cellName(row.cellId ?? undefined) },
      { header: t('members'), cell: (row) => row.members, numeric: true },
      { header: t('missing'), cell: (row) => row.missing, numeric: true },
      { header: t('written'), cell: (row) => row.written, numeric: true },
      { header: t('delivered'), cell: (row) => row.delivered, numeric: true },
    ],
    [t, cellName],
  );
  return <DataTable testId="residence-by-cell" exportFileName="quy-dinh-213-theo-chi-bo" caption={t('byCellCaption', { year })} columns={columns} rows={rows} rowKey={(row) => row.cellId ?? 'none'} />;
}

function MemberList({ members, cellName, year }: { members: readonly ResidentLink[]; cellName: ResidenceView['cellName']; year: number }) {
  const { t } = useTranslation('ward.residence');
  const searchId = useId();
  const [search, setSearch] = useState('');
  const columns = useMemo<Column<ResidentLink>[]>(
    () => [
      { header: t('name'), cell: (row) => row.memberName, sortValue: (row) => row.memberName },
      { header: t('cell'), cell: (row) => cellName(row.residenceCell?.id), sortValue: (row) => (row.residenceCell ? cellName(row.residenceCell.id) : null) },
      { header: t('workplace'), cell: (row) => row.workplaceCellName ?? t('unknownWorkplace'), sortValue: (row) => row.workplaceCellName },
      { header: t('since'), cell: (row) => formatDate(row.validFrom), sortValue: (row) => row.validFrom },
      { header: t('commentOfYear', { year }), cell: (row) => <CommentBadge member={row} year={year} />, sortValue: (row) => commentStatus(row, year) },
      { header: t('lastMeeting'), cell: (row) => <LastMeeting member={row} /> },
    ],
    [t, cellName, year],
  );
  if (members.length === 0) return <p className="dv-empty">{t('listNone')}</p>;
  return (
    <>
      <div className="dv-field">
        <label htmlFor={searchId}>{t('search')}</label>
        <input id={searchId} type="search" value={search} data-testid="residence-search" onChange={(event) => setSearch(event.target.value)} />
      </div>
      <DataTable
        testId="residence-list" exportFileName="quy-dinh-213-danh-sach"
        caption={t('listCaption')}
        columns={columns}
        rows={members}
        rowKey={(row) => row.id}
        search={search}
        searchText={(row) => `${row.memberName} ${cellName(row.residenceCell?.id)} ${row.workplaceCellName ?? ''}`}
        pageSize={50}
      />
    </>
  );
}

export function CommentBadge({ member, year }: { member: ResidentLink; year: number }) {
  const { t } = useTranslation('ward.residence');
  const status = commentStatus(member, year);
  const deliveredOn = member.comments.find((comment) => comment.year === year)?.deliveredOn;
  const tone = status === 'delivered' ? 'success' : status === 'written' ? 'info' : 'warning';
  return <Badge tone={tone}>{t(`status.${status}`, { date: deliveredOn ? formatDate(deliveredOn) : '' })}</Badge>;
}

function LastMeeting({ member }: { member: ResidentLink }) {
  const { t } = useTranslation('ward.residence');
  const last = member.attendance.at(-1);
  if (!last) return t('notLinkedThen');
  return `${formatDate(last.heldOn)}: ${attendedIn(member, last.halfYear) ? t('present') : t('absent')}`;
}
