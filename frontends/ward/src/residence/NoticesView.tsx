import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  DataTable,
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
  compareVietnameseNames,
  type Column,
} from '@dangvien/ui';
import { SEND_RESIDENCE_CHANGE_NOTICE, type ResidenceNoticeRow } from './queries.ts';
import { movedSchema, type MovedForm } from './schemas.ts';
import type { ResidenceView } from './view.ts';

/**
 * Thông báo thay đổi: tell the workplace that a member no longer lives here (the residence's notice;
 * the link ends that day), and the notices received from workplaces and sent, newest first.
 */
export function NoticesView({ members, today, notices }: ResidenceView & { notices: readonly ResidenceNoticeRow[] }) {
  const { t } = useTranslation('ward.residence');
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = [...members].sort((a, b) => compareVietnameseNames(a.memberName, b.memberName));
  const [schema] = useState(() => movedSchema((memberId) => members.find((member) => member.memberId === memberId)?.validFrom, today));
  const form = useSchemaForm<MovedForm>(schema, { memberId: '', occurredOn: today, note: '' });
  const send = useMutation(SEND_RESIDENCE_CHANGE_NOTICE);
  const submit = form.handleSubmit(async (values) => {
    const name = members.find((member) => member.memberId === values.memberId)?.memberName ?? '';
    try {
      await send.mutateAsync({ input: { memberId: values.memberId, kind: 'MOVED_HOUSE', occurredOn: values.occurredOn, note: values.note || null } });
      setNotice(t('noticeSent', { name, date: formatDate(values.occurredOn) }));
      form.reset({ memberId: '', occurredOn: today, note: '' });
    } catch (error) {
      setNotice(null);
      showServerError(form, error);
    }
  });
  const columns = useMemo<Column<ResidenceNoticeRow>[]>(
    () => [
      { header: t('date'), cell: (row) => formatDate(row.occurredOn), sortValue: (row) => row.occurredOn },
      { header: t('name'), cell: (row) => row.memberName, sortValue: (row) => row.memberName },
      { header: t('kind'), cell: (row) => t(`labels.noticeKind.${row.kind}`), sortValue: (row) => t(`labels.noticeKind.${row.kind}`) },
      {
        header: t('direction'),
        cell: (row) => <Badge tone={row.direction === 'TO_RESIDENCE' ? 'info' : 'neutral'}>{t(`labels.noticeDirection.${row.direction}`)}</Badge>,
        sortValue: (row) => row.direction,
      },
      { header: t('note'), cell: (row) => row.note ?? '' },
    ],
    [t],
  );
  return (
    <>
      <Section title={t('movedTitle')}>
        <p>{t('movedExplain')}</p>
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="residence-notice">{notice}</span>
          </Alert>
        ) : null}
        <FormProvider {...form}>
          <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="residence-moved-form">
            <SelectField<MovedForm>
              name="memberId"
              label={t('member')}
              options={[{ value: '', label: t('chooseMember') }, ...sorted.map((member) => ({ value: member.memberId, label: member.memberName }))]}
            />
            <TextField<MovedForm> name="occurredOn" type="date" label={t('occurredOn')} max={today} />
            <TextAreaField<MovedForm> name="note" label={t('noticeNote')} hint={t('noticeNoteHint')} rows={3} />
            <FormError />
            <div className="dv-form__actions">
              <Button type="submit" variant="danger" disabled={form.formState.isSubmitting} data-testid="residence-moved-submit">
                {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('sendNotice')}
              </Button>
            </div>
          </form>
        </FormProvider>
      </Section>
      <Section title={t('noticesTitle')}>
        <p>{t('noticesIntro')}</p>
        <DataTable testId="residence-notices" exportFileName="quy-dinh-213-thong-bao" caption={t('noticesCaption')} columns={columns} rows={notices} rowKey={(row) => row.id} emptyText={t('noticesNone')} />
      </Section>
    </>
  );
}
