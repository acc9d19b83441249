import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DataTable,
  Dialog,
  formatDate,
  FormError,
  FormProvider,
  Section,
  SelectField,
  showServerError,
  TextAreaField,
  TextField,
  useMutation,
  useSchemaForm,
  type Column,
} from '@dangvien/ui';
import { RATE_DELEGATE, RECORD_WORK_ITEM_RESULT, REGISTER_WORK_ITEM, type DelegateDetail, type WorkItem } from './queries.ts';
import {
  GRADES,
  RESULTS,
  ratingSchema,
  resultSchema,
  todayInVietnam,
  workItemSchema,
  type RatingForm,
  type ResultForm,
  type WorkItemForm,
} from './schemas.ts';

/** A delegate's year: registered work items and their results, registering one, and the year-end rating. */
export function DelegateWork({ delegate, year, startsOn, onSaved }: { delegate: DelegateDetail; year: number; startsOn: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation('district.delegations');
  const [recording, setRecording] = useState<WorkItem | null>(null);
  const name = delegate.member.fullName ?? '';
  const columns: Column<WorkItem>[] = [
    { header: t('col.title'), sortValue: (row) => row.title, cell: (row) => row.title },
    { header: t('col.registeredOn'), sortValue: (row) => row.registeredOn, cell: (row) => formatDate(row.registeredOn) },
    { header: t('col.result'), cell: (row) => <span data-testid="work-item-result">{row.result ? t(`result.${row.result}`) : t('detail.noResult')}</span> },
    { header: t('col.note'), cell: (row) => row.resultNote ?? '' },
    {
      header: t('col.actions'),
      cell: (row) => (
        <Button variant="secondary" onClick={() => setRecording(row)} data-testid="work-item-record" aria-label={`${t('detail.recordResult')}: ${row.title}`}>
          {t('detail.recordResult')}
        </Button>
      ),
      exportValue: () => null,
    },
  ];
  return (
    <Section title={<span data-testid="delegate-title">{t('detail.delegateTitle', { name, area: delegate.areaName })}</span>}>
      <DataTable
        caption={t('detail.workItemsCaption', { year, count: delegate.workItems.length })}
        columns={columns}
        rows={delegate.workItems}
        rowKey={(row) => row.id}
        emptyText={t('detail.noWorkItems')}
        testId="work-items-table"
        exportFileName={`phan-viec-${year}`}
      />
      <h3>{t('detail.registerTitle')}</h3>
      <RegisterWorkItemForm delegateId={delegate.id} year={year} startsOn={startsOn} onDone={onSaved} />
      <h3>{t('detail.rateTitle', { year })}</h3>
      {delegate.rating ? (
        <p data-testid="delegate-current-rating">
          {t('detail.currentRating', { grade: t(`grade.${delegate.rating.grade}`), decision: delegate.rating.decisionNumber, date: formatDate(delegate.rating.ratedOn) })}
        </p>
      ) : null}
      <RateDelegateForm delegateId={delegate.id} year={year} onDone={onSaved} />
      <Dialog open={recording !== null} title={recording ? t('detail.resultOf', { title: recording.title }) : ''} onClose={() => setRecording(null)}>
        {recording ? (
          <RecordResultForm
            item={recording}
            onDone={(message) => {
              setRecording(null);
              onSaved(message);
            }}
          />
        ) : null}
      </Dialog>
    </Section>
  );
}

/** Inside the year asked, not before the delegation starts: the day to propose. */
function dayInYear(year: number, notBefore: string): string {
  const today = todayInVietnam();
  const day = Number(today.slice(0, 4)) === year ? today : `${year}-12-31`;
  return day < notBefore ? notBefore : day;
}

function RegisterWorkItemForm({ delegateId, year, startsOn, onDone }: { delegateId: string; year: number; startsOn: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('district.delegations');
  const form = useSchemaForm<WorkItemForm>(workItemSchema, { title: '', registeredOn: dayInYear(year, startsOn) });
  const register = useMutation(REGISTER_WORK_ITEM);
  const submit = form.handleSubmit(async (values) => {
    try {
      await register.mutateAsync({ input: { delegateId, year, title: values.title.trim(), registeredOn: values.registeredOn } });
      form.reset({ title: '', registeredOn: values.registeredOn });
      onDone(t('form.saved'));
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'title' || where.field === 'registeredOn' ? where.field : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="work-item-form">
        <TextField<WorkItemForm> name="title" label={t('form.title')} autoComplete="off" data-testid="work-item-title" />
        <TextField<WorkItemForm> name="registeredOn" type="date" label={t('form.registeredOn')} data-testid="work-item-registered-on" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="work-item-submit">
            {form.formState.isSubmitting ? t('form.saving') : t('form.register')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function RecordResultForm({ item, onDone }: { item: WorkItem; onDone: (message: string) => void }) {
  const { t } = useTranslation('district.delegations');
  const form = useSchemaForm<ResultForm>(resultSchema, { result: item.result ?? '', note: item.resultNote ?? '', recordedOn: dayInYear(item.year, item.registeredOn) });
  const record = useMutation(RECORD_WORK_ITEM_RESULT);
  const submit = form.handleSubmit(async (values) => {
    if (values.result === '') return;
    try {
      await record.mutateAsync({ input: { id: item.id, result: values.result, note: values.note.trim() || null, recordedOn: values.recordedOn } });
      onDone(t('form.saved'));
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'result' || where.field === 'note' || where.field === 'recordedOn' ? where.field : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="work-item-result-form">
        <SelectField<ResultForm>
          name="result"
          label={t('form.result')}
          options={[{ value: '', label: '—' }, ...RESULTS.map((result) => ({ value: result, label: t(`result.${result}`) }))]}
          data-testid="work-item-result-select"
        />
        <TextAreaField<ResultForm> name="note" label={t('form.note')} data-testid="work-item-note" />
        <TextField<ResultForm> name="recordedOn" type="date" label={t('form.recordedOn')} data-testid="work-item-recorded-on" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="work-item-result-submit">
            {form.formState.isSubmitting ? t('form.saving') : t('form.saveResult')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function RateDelegateForm({ delegateId, year, onDone }: { delegateId: string; year: number; onDone: (message: string) => void }) {
  const { t } = useTranslation('district.delegations');
  const form = useSchemaForm<RatingForm>(ratingSchema, { grade: '', comment: '', ratedOn: dayInYear(year, `${year}-01-01`), decisionNumber: '' });
  const rate = useMutation(RATE_DELEGATE);
  const submit = form.handleSubmit(async (values) => {
    if (values.grade === '') return;
    try {
      await rate.mutateAsync({
        input: { delegateId, year, grade: values.grade, comment: values.comment.trim() || null, ratedOn: values.ratedOn, decisionNumber: values.decisionNumber.trim() },
      });
      onDone(t('form.saved'));
    } catch (error) {
      showServerError(form, error, (where) => (where.field && ['grade', 'comment', 'ratedOn', 'decisionNumber'].includes(where.field) ? (where.field as keyof RatingForm) : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="rating-form">
        <SelectField<RatingForm>
          name="grade"
          label={t('form.grade')}
          options={[{ value: '', label: '—' }, ...GRADES.map((grade) => ({ value: grade, label: t(`grade.${grade}`) }))]}
          data-testid="rating-grade"
        />
        <TextAreaField<RatingForm> name="comment" label={t('form.comment')} data-testid="rating-comment" />
        <TextField<RatingForm> name="ratedOn" type="date" label={t('form.ratedOn')} data-testid="rating-rated-on" />
        <TextField<RatingForm> name="decisionNumber" label={t('form.ratingDecision')} autoComplete="off" data-testid="rating-decision" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="rating-submit">
            {form.formState.isSubmitting ? t('form.saving') : t('form.rate')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
