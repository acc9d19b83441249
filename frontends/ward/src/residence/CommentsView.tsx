import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Dialog,
  Facts,
  formatDate,
  FormError,
  FormProvider,
  Section,
  showServerError,
  TextField,
  useMutation,
  useSchemaForm,
  compareVietnameseNames,
} from '@dangvien/ui';
import { CommentBadge } from './IntakeView.tsx';
import { DELIVER_RESIDENCE_COMMENT, type ResidentLink } from './queries.ts';
import { commentStatus } from './residence.ts';
import { deliverSchema, type DeliverForm } from './schemas.ts';
import type { ResidenceView } from './view.ts';

/** Nhận xét hằng năm: the comments the cells wrote this year, sent on to the workplaces; who is still missing one, by cell. */
export function CommentsView({ members, cells, cellName, today }: ResidenceView) {
  const { t } = useTranslation('ward.residence');
  const year = Number(today.slice(0, 4));
  const [delivering, setDelivering] = useState<ResidentLink | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = [...members].sort((a, b) => compareVietnameseNames(a.memberName, b.memberName));
  const byStatus = (status: ReturnType<typeof commentStatus>) => sorted.filter((member) => commentStatus(member, year) === status);
  const toDeliver = byStatus('written');
  const delivered = byStatus('delivered');
  const missing = byStatus('missing');
  const missingByCell = [...cells.map((cell) => cell.id), undefined]
    .map((cellId) => ({ cellId, names: missing.filter((member) => member.residenceCell?.id === cellId).map((member) => member.memberName) }))
    .filter((row) => row.names.length > 0);
  return (
    <>
      <Section title={t('commentsTitle', { year })}>
        <p>{t('commentsIntro')}</p>
        <p className="dv-tally" data-testid="residence-comments-tally">
          {t('commentsTally', { year, delivered: delivered.length, written: toDeliver.length, missing: missing.length, count: members.length })}
        </p>
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="residence-notice">{notice}</span>
          </Alert>
        ) : null}
      </Section>
      <Section title={t('toDeliverTitle')}>
        {toDeliver.length === 0 ? (
          <p className="dv-empty">{t('toDeliverNone')}</p>
        ) : (
          <ul className="dv-cards" data-testid="residence-to-deliver">
            {toDeliver.map((member) => (
              <CommentCard key={member.id} member={member} year={year} cellName={cellName} onDeliver={() => setDelivering(member)} />
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('missingTitle')}>
        {missingByCell.length === 0 ? (
          <p className="dv-empty">{t('missingNone')}</p>
        ) : (
          <ul className="dv-linklist" data-testid="residence-missing">
            {missingByCell.map((row) => (
              <li key={row.cellId ?? 'none'}>{t('missingLine', { cell: cellName(row.cellId), names: row.names.join(', ') })}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('deliveredTitle')}>
        {delivered.length === 0 ? (
          <p className="dv-empty">{t('deliveredNone')}</p>
        ) : (
          <ul className="dv-cards" data-testid="residence-delivered">
            {delivered.map((member) => (
              <CommentCard key={member.id} member={member} year={year} cellName={cellName} />
            ))}
          </ul>
        )}
      </Section>
      <Dialog open={delivering !== null} title={delivering ? t('deliverTitle', { year, name: delivering.memberName }) : ''} onClose={() => setDelivering(null)}>
        {delivering ? (
          <DeliverFormView
            member={delivering}
            year={year}
            today={today}
            onDone={(message) => {
              setDelivering(null);
              setNotice(message);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function CommentCard({ member, year, cellName, onDeliver }: { member: ResidentLink; year: number; cellName: ResidenceView['cellName']; onDeliver?: () => void }) {
  const { t } = useTranslation('ward.residence');
  const comment = member.comments.find((item) => item.year === year);
  return (
    <li className="dv-card" data-testid="residence-comment" data-member-id={member.memberId} data-status={commentStatus(member, year)}>
      <div className="dv-card__head">
        <h3 className="dv-card__title">{member.memberName}</h3>
        <CommentBadge member={member} year={year} />
      </div>
      <Facts
        items={[
          { label: t('cell'), value: cellName(member.residenceCell?.id) },
          { label: t('workplace'), value: member.workplaceCellName ?? t('unknownWorkplace') },
          { label: t('comment'), value: comment?.comment },
          { label: t('frontOpinion'), value: comment?.frontCommitteeOpinion },
          { label: t('recordedOn'), value: comment ? formatDate(comment.recordedOn) : null },
          ...(comment?.deliveredOn ? [{ label: t('deliveredOn'), value: formatDate(comment.deliveredOn) }] : []),
        ]}
      />
      {onDeliver ? (
        <div className="dv-form__actions dv-card__actions" role="group" aria-label={t('actionsFor', { name: member.memberName })}>
          <Button onClick={onDeliver} data-testid="residence-deliver-open">
            {t('deliver')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function DeliverFormView({ member, year, today, onDone }: { member: ResidentLink; year: number; today: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('ward.residence');
  const recordedOn = member.comments.find((item) => item.year === year)?.recordedOn ?? `${String(year)}-01-01`;
  const [schema] = useState(() => deliverSchema(recordedOn, today));
  const form = useSchemaForm<DeliverForm>(schema, { deliveredOn: today });
  const deliver = useMutation(DELIVER_RESIDENCE_COMMENT);
  const submit = form.handleSubmit(async (values) => {
    try {
      await deliver.mutateAsync({ input: { memberId: member.memberId, year, deliveredOn: values.deliveredOn } });
      onDone(t('deliveredSaved', { year, name: member.memberName, date: formatDate(values.deliveredOn) }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="residence-deliver-form">
        <p>{t('deliverExplain', { workplace: member.workplaceCellName ?? t('unknownWorkplace') })}</p>
        <TextField<DeliverForm> name="deliveredOn" type="date" label={t('deliveredOn')} min={recordedOn} max={today} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="residence-deliver-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('deliverSubmit')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
