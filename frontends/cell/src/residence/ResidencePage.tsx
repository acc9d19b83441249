import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addTranslations,
  Alert,
  Badge,
  Button,
  Dialog,
  Facts,
  formatDate,
  FormError,
  FormProvider,
  QueryBoundary,
  Section,
  showServerError,
  TextAreaField,
  TextField,
  useDraftForm,
  useMutation,
  useQuery,
  useSchemaForm,
} from '@dangvien/ui';
import { todayInVietnam } from '../dues/calendar.ts';
import { useCellPath } from '../layout/useCellPath.ts';
import { vi } from './messages.ts';
import { CELL_RESIDENCE, RECORD_RESIDENCE_COMMENT, SEND_RESIDENCE_NOTICE, type ResidenceNoticeRow, type ResidentMember } from './queries.ts';
import { commentOfYear, sortForComment } from './residence.ts';
import { commentSchema, movedSchema, type CommentForm, type MovedForm } from './schemas.ts';

addTranslations('cell.residence', { vi });

type Open = { kind: 'comment'; member: ResidentMember } | { kind: 'moved'; member: ResidentMember } | null;

/**
 * Quy định 213: the working members living in the cell's area, each with the workplace cell, since
 * when, and this year's comment; write the comment (with the Front committee's opinion); tell the
 * workplace that a member no longer lives here.
 */
export default function ResidencePage() {
  const { t } = useTranslation('cell.residence');
  const { cellId } = useCellPath();
  const query = useQuery(CELL_RESIDENCE, { id: cellId });
  const year = Number(todayInVietnam().slice(0, 4));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);
  const finish = (message: string) => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <QueryBoundary query={query}>
      {(data) => {
        const members = sortForComment(data.orgUnit?.residentWorkingMembers ?? [], year);
        const done = members.filter((member) => commentOfYear(member, year)).length;
        return (
          <>
            <Section title={t('title')}>
              <p>{t('intro')}</p>
              {notice ? (
                <Alert tone="success" live="status">
                  <span data-testid="residence-notice">{notice}</span>
                </Alert>
              ) : null}
              {members.length === 0 ? (
                <p className="dv-empty">{t('none')}</p>
              ) : (
                <>
                  <p data-testid="residence-count">{t('count', { count: members.length, year, done })}</p>
                  <ul className="dv-cards" data-testid="residence-members">
                    {members.map((member) => (
                      <ResidentCard
                        key={member.id}
                        member={member}
                        year={year}
                        onComment={() => setOpen({ kind: 'comment', member })}
                        onMoved={() => setOpen({ kind: 'moved', member })}
                      />
                    ))}
                  </ul>
                </>
              )}
            </Section>
            <Section title={t('noticesTitle')}>
              <Notices notices={data.orgUnit?.residenceNotices ?? []} />
            </Section>
            <Dialog open={open?.kind === 'comment'} title={open?.kind === 'comment' ? t('commentTitle', { year, name: open.member.memberName }) : ''} onClose={close}>
              {open?.kind === 'comment' ? <CommentFormView member={open.member} year={year} onDone={finish} /> : null}
            </Dialog>
            <Dialog open={open?.kind === 'moved'} title={open?.kind === 'moved' ? t('movedTitle', { name: open.member.memberName }) : ''} onClose={close}>
              {open?.kind === 'moved' ? <MovedFormView member={open.member} onDone={finish} /> : null}
            </Dialog>
          </>
        );
      }}
    </QueryBoundary>
  );
}

function ResidentCard({ member, year, onComment, onMoved }: { member: ResidentMember; year: number; onComment: () => void; onMoved: () => void }) {
  const { t } = useTranslation('cell.residence');
  const comment = commentOfYear(member, year);
  return (
    <li className="dv-card" data-testid="residence-member" data-member-id={member.memberId} data-commented={comment ? 'yes' : 'no'}>
      <div className="dv-card__head">
        <h3 className="dv-card__title">{member.memberName}</h3>
        <Badge tone={comment ? 'success' : 'warning'}>{comment ? t('commented', { year }) : t('notCommented', { year })}</Badge>
      </div>
      <Facts
        items={[
          { label: t('workplace'), value: member.workplaceCellName ?? t('unknownWorkplace') },
          { label: t('since'), value: formatDate(member.validFrom) },
          ...(member.introductionNumber ? [{ label: t('introduction'), value: member.introductionNumber }] : []),
          ...(comment
            ? [
                {
                  label: t('commentOfYear', { year }),
                  value: (
                    <>
                      {t('commentLine', { comment: comment.comment, opinion: comment.frontCommitteeOpinion, date: formatDate(comment.recordedOn) })}
                      {comment.deliveredOn ? <span className="dv-block dv-muted">{t('delivered', { date: formatDate(comment.deliveredOn) })}</span> : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <div className="dv-form__actions dv-card__actions" role="group" aria-label={t('actionsFor', { name: member.memberName })}>
        {comment ? null : (
          <Button onClick={onComment} data-testid="residence-comment-open">
            {t('writeComment', { year })}
          </Button>
        )}
        <Button variant="secondary" onClick={onMoved} data-testid="residence-moved-open">
          {t('reportMoved')}
        </Button>
      </div>
    </li>
  );
}

function Notices({ notices }: { notices: readonly ResidenceNoticeRow[] }) {
  const { t } = useTranslation('cell.residence');
  if (notices.length === 0) return <p className="dv-empty">{t('noNotices')}</p>;
  return (
    <ul className="dv-cards" data-testid="residence-notices">
      {notices.map((notice) => (
        <li key={notice.id} className="dv-card">
          <p className="dv-card__title">
            {t('noticeLine', { date: formatDate(notice.occurredOn), name: notice.memberName, kind: t(`labels.noticeKind.${notice.kind}`) })}
          </p>
          <p className="dv-muted">
            {t(`labels.noticeDirection.${notice.direction}`)}
            {notice.note ? ` — ${notice.note}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

function CommentFormView({ member, year, onDone }: { member: ResidentMember; year: number; onDone: (message: string) => void }) {
  const { t } = useTranslation('cell.residence');
  const today = todayInVietnam();
  const [schema] = useState(() => commentSchema(year, today));
  // A comment takes a while to write: the draft survives a reload or a dropped network.
  const { form, restored, clearDraft } = useDraftForm<CommentForm>(schema, `residence-comment:${member.memberId}:${year}`, {
    comment: '',
    frontCommitteeOpinion: '',
    recordedOn: today,
  });
  const record = useMutation(RECORD_RESIDENCE_COMMENT);
  const submit = form.handleSubmit(async (values) => {
    try {
      await record.mutateAsync({ input: { memberId: member.memberId, year, comment: values.comment, frontCommitteeOpinion: values.frontCommitteeOpinion, recordedOn: values.recordedOn } });
      clearDraft();
      onDone(t('commentSaved', { year, name: member.memberName }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="residence-comment-form">
        {restored ? <Alert tone="info">{t('draft.restored', { ns: 'translation' })}</Alert> : null}
        <TextAreaField<CommentForm> name="comment" label={t('comment')} hint={t('commentHint')} rows={5} />
        <TextAreaField<CommentForm> name="frontCommitteeOpinion" label={t('frontCommitteeOpinion')} rows={3} />
        <TextField<CommentForm> name="recordedOn" type="date" label={t('recordedOn')} min={`${year}-01-01`} max={today} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="residence-comment-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('saveComment')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function MovedFormView({ member, onDone }: { member: ResidentMember; onDone: (message: string) => void }) {
  const { t } = useTranslation('cell.residence');
  const today = todayInVietnam();
  const [schema] = useState(() => movedSchema(member.validFrom, today));
  const form = useSchemaForm<MovedForm>(schema, { occurredOn: today, note: '' });
  const send = useMutation(SEND_RESIDENCE_NOTICE);
  const submit = form.handleSubmit(async (values) => {
    try {
      await send.mutateAsync({ input: { memberId: member.memberId, kind: 'MOVED_HOUSE', occurredOn: values.occurredOn, note: values.note || null } });
      onDone(t('noticeSent', { name: member.memberName, date: formatDate(values.occurredOn) }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="residence-moved-form">
        <p>{t('movedExplain')}</p>
        <TextField<MovedForm> name="occurredOn" type="date" label={t('occurredOn')} min={member.validFrom} max={today} />
        <TextAreaField<MovedForm> name="note" label={t('note')} hint={t('noteHint')} rows={3} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" variant="danger" disabled={form.formState.isSubmitting} data-testid="residence-moved-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('sendNotice')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
