import { useMemo, useState } from 'react';
import { useParams } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import {
  addTranslations,
  Alert,
  Badge,
  Button,
  ButtonLink,
  DataTable,
  Dialog,
  Facts,
  formatDate,
  FormError,
  FormProvider,
  QueryBoundary,
  Section,
  SelectField,
  showServerError,
  TextField,
  useMutation,
  useQuery,
  useSchemaForm,
  type Column,
} from '@dangvien/ui';
import { currentMonth, formatMoney, formatMonth, todayInVietnam } from '../dues/calendar.ts';
import { ALERT_TARGET } from '../home/alerts.ts';
import { ALERT_PAGE } from '../home/queries.ts';
import { useCellPath } from '../layout/useCellPath.ts';
import { vi } from './messages.ts';
import { lastTwelveMonths } from './members.ts';
import { PROFILE_FIELDS, profileDefaults, profileInput, profileSchema, SEXES, THEORY_LEVELS, type ProfileField, type ProfileForm } from './profile.ts';
import { CELL_MEMBER_PAGE, UPDATE_MEMBER_PROFILE, type MemberPageData, type MemberRecord, type MemberTask } from './queries.ts';

addTranslations('cell.members', { vi });

type Dues = MemberRecord['dues'][number];
type Review = NonNullable<MemberRecord['reviews']>[number];
type MemberEvent = MemberRecord['events'][number];
type Placement = MemberRecord['placements'][number];

/** A member's page: the record (what the role may read), alerts, the party history, reviews, dues and tasks. */
export default function MemberPage() {
  const { t } = useTranslation('cell.members');
  const { memberId = '' } = useParams();
  const { cellId, cellPath } = useCellPath();
  const months = lastTwelveMonths(currentMonth());
  const query = useQuery(CELL_MEMBER_PAGE, { id: memberId, cellId, ...months, first: ALERT_PAGE });
  return (
    <>
      <p>
        <ButtonLink to={cellPath('members')}>{t('page.back')}</ButtonLink>
      </p>
      <QueryBoundary query={query} isEmpty={(data) => !data.member} empty={t('page.notFound')}>
        {(data) => (data.member ? <MemberView data={data} member={data.member} /> : null)}
      </QueryBoundary>
    </>
  );
}

function MemberView({ data, member }: { data: MemberPageData; member: MemberRecord }) {
  const { t } = useTranslation('cell.members');
  const { t: tCell } = useTranslation('cell');
  const { cellPath } = useCellPath();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const alerts = [
    ...data.memberAlerts.alerts.filter((alert) => alert.member?.id === member.id),
    ...data.evaluationAlerts.filter((alert) => alert.member?.id === member.id),
  ];
  const tasks = data.tasks.filter((task) => task.assignee?.id === member.id || task.assignments.some((assignment) => assignment.member.id === member.id));
  const value = (text: string | null | undefined) => (text ? text : null);

  return (
    <>
      <Section
        title={<span data-testid="member-name">{member.fullName}</span>}
        actions={
          <Button
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
            data-testid="member-edit"
          >
            {t('page.edit')}
          </Button>
        }
      >
        <p className="dv-card__badges">
          <Badge tone={member.status === 'PROBATIONARY' ? 'warning' : member.status === 'OFFICIAL' ? 'success' : 'neutral'}>
            <span data-testid="member-status" data-status={member.status}>
              {tCell(`labels.memberStatus.${member.status}`)}
            </span>
          </Badge>
          {member.underInspection ? <Badge tone="danger">{t('page.underInspection')}</Badge> : null}
        </p>
        {saved ? (
          <Alert tone="success" live="status">
            <span data-testid="member-saved">{t('page.saved')}</span>
          </Alert>
        ) : null}
        <h3>{t('page.record')}</h3>
        <div data-testid="member-record">
          <Facts
            items={[
              { label: t('field.fullName'), value: member.fullName },
              { label: t('field.birthName'), value: value(member.birthName) },
              { label: t('field.sex'), value: member.sex ? t(`sex.${member.sex}`) : null },
              { label: t('field.dateOfBirth'), value: value(formatDate(member.dateOfBirth)) },
              { label: t('field.ethnicity'), value: value(member.ethnicity) },
              { label: t('field.religion'), value: value(member.religion) },
              { label: t('field.citizenId'), value: value(member.citizenId) },
              { label: t('field.hometown'), value: value(member.hometown) },
              { label: t('field.residence'), value: value(member.residence) },
              { label: t('field.phone'), value: value(member.phone) },
              { label: t('field.educationLevel'), value: value(member.educationLevel) },
              { label: t('field.professionalQualification'), value: value(member.professionalQualification) },
              { label: t('field.politicalTheoryLevel'), value: member.politicalTheoryLevel ? t(`theory.${member.politicalTheoryLevel}`) : null },
              { label: t('field.occupation'), value: value(member.occupation) },
              { label: t('field.workplace'), value: value(member.workplace) },
              { label: t('field.admittedOn'), value: value(formatDate(member.admittedOn)) },
              { label: t('field.partyAge'), value: member.partyAge == null ? null : t('partyAge', { count: member.partyAge }) },
              { label: t('field.partyCardNumber'), value: value(member.partyCardNumber) },
              { label: t('field.profileNumber'), value: value(member.profileNumber) },
              { label: t('field.cell'), value: member.cell?.name ?? null },
            ]}
          />
        </div>
      </Section>

      <Section title={<span data-testid="member-alert-title">{t('page.alerts', { count: alerts.length })}</span>}>
        {alerts.length === 0 ? (
          <p className="dv-empty">{t('page.noAlerts')}</p>
        ) : (
          <div data-testid="member-alerts">
            {alerts.map((alert, index) => {
              const target = ALERT_TARGET[alert.kind];
              return (
                <Alert key={`${alert.kind}-${String(index)}`} tone="warning" title={t(`alertKind.${alert.kind}`)}>
                  <p>{alert.detail}</p>
                  {alert.kind === 'MISSING_REQUIRED_FIELDS' ? (
                    <Button variant="secondary" onClick={() => setEditing(true)}>
                      {t('page.edit')}
                    </Button>
                  ) : target !== 'member' ? (
                    <ButtonLink to={cellPath(target)}>{tCell(`nav.${target}`)}</ButtonLink>
                  ) : null}
                </Alert>
              );
            })}
          </div>
        )}
      </Section>

      <History member={member} />
      <Reviews reviews={member.reviews ?? []} />
      <DuesSection member={member} />
      <Tasks tasks={tasks} memberId={member.id} />

      <Dialog open={editing} title={t('page.editTitle', { name: member.fullName })} onClose={() => setEditing(false)}>
        <ProfileEditor
          member={member}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      </Dialog>
    </>
  );
}

/** The fields the form offers, in the order of the record; the two choices are lists. */
const TEXT_FIELDS = PROFILE_FIELDS.filter((field) => field !== 'sex' && field !== 'politicalTheoryLevel');

function ProfileEditor({ member, onDone, onCancel }: { member: MemberRecord; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('cell.members');
  const schema = useMemo(() => profileSchema(todayInVietnam()), []);
  const form = useSchemaForm<ProfileForm>(schema, profileDefaults(member));
  const update = useMutation(UPDATE_MEMBER_PROFILE);
  const submit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync({ id: member.id, input: profileInput(values, form.formState.dirtyFields) });
      onDone();
    } catch (error) {
      showServerError(form, error, (where) => (where.field && PROFILE_FIELDS.includes(where.field as ProfileField) ? (where.field as ProfileField) : undefined));
    }
  });
  const field = (name: ProfileField) => {
    if (name === 'sex') {
      return <SelectField<ProfileForm> key={name} name={name} label={t('field.sex')} options={[{ value: '', label: t('choose') }, ...SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))]} />;
    }
    if (name === 'politicalTheoryLevel') {
      return (
        <SelectField<ProfileForm>
          key={name}
          name={name}
          label={t('field.politicalTheoryLevel')}
          options={[{ value: '', label: t('choose') }, ...THEORY_LEVELS.map((level) => ({ value: level, label: t(`theory.${level}`) }))]}
        />
      );
    }
    const hint = name === 'citizenId' ? t('hint.citizenId') : name === 'educationLevel' ? t('hint.educationLevel') : undefined;
    const type = name === 'dateOfBirth' ? 'date' : name === 'phone' ? 'tel' : 'text';
    return <TextField<ProfileForm> key={name} name={name} label={t(`field.${name}`)} hint={hint} type={type} inputMode={name === 'citizenId' ? 'numeric' : undefined} />;
  };
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="member-form">
        <p>{t('page.editHint')}</p>
        {TEXT_FIELDS.slice(0, 2).map(field)}
        {field('sex')}
        {TEXT_FIELDS.slice(2, 11).map(field)}
        {field('politicalTheoryLevel')}
        {TEXT_FIELDS.slice(11).map(field)}
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="member-save">
            {form.formState.isSubmitting ? t('page.saving') : t('page.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('page.cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function History({ member }: { member: MemberRecord }) {
  const { t } = useTranslation('cell.members');
  const period = (from: string | null | undefined, to: string | null | undefined) =>
    !from && !to ? t('page.undated') : to ? t('page.fromTo', { from: formatDate(from) || '…', to: formatDate(to) }) : t('page.since', { from: formatDate(from) });
  const eventColumns: Column<MemberEvent>[] = [
    { header: t('col.date'), cell: (event) => formatDate(event.occurredOn), sortValue: (event) => event.occurredOn },
    {
      header: t('col.event'),
      cell: (event) => (
        <>
          {t(`event.${event.kind}`)}
          {event.disciplineLevel ? ` (${t(`discipline.${event.disciplineLevel}`)})` : ''}
          {event.decisionNumber ? <div className="dv-muted">{`${t('col.decision')}: ${event.decisionNumber}`}</div> : null}
          {event.reason ? <div className="dv-muted">{event.reason}</div> : null}
        </>
      ),
    },
  ];
  const placementColumns: Column<Placement>[] = [
    { header: t('col.cell'), cell: (placement) => placement.cell?.name ?? '—' },
    {
      header: t('col.period'),
      cell: (placement) => (
        <>
          {period(placement.validFrom, placement.validTo)}
          <div className="dv-muted">{t(`placementKind.${placement.kind}`)}</div>
        </>
      ),
    },
  ];
  return (
    <Section title={t('page.history')}>
      <DataTable caption={t('page.events')} columns={eventColumns} rows={member.events} rowKey={(event) => event.id} emptyText={t('page.noEvents')} testId="member-events" />
      <DataTable
        caption={t('page.placements')}
        columns={placementColumns}
        rows={[...member.placements].reverse()}
        rowKey={(placement) => `${placement.cell?.id ?? ''}-${placement.validFrom ?? ''}-${placement.kind}`}
        emptyText={t('page.noPlacements')}
        testId="member-placements"
      />
      {member.transfers.length > 0 ? (
        <>
          <h3>{t('page.transfers')}</h3>
          <ul className="dv-cards" data-testid="member-transfers">
            {[...member.transfers].reverse().map((transfer) => (
              <li key={transfer.id} className="dv-card">
                <p className="dv-card__title">
                  {`${transfer.letterNumber}, ${formatDate(transfer.letterIssuedOn)}`}
                </p>
                <p className="dv-card__line">
                  {`${t(`placementKind.${transfer.kind}`)} (${t(`transferReason.${transfer.reason}`)}): ${transfer.fromCell?.name ?? transfer.externalOrganization ?? '…'} → ${transfer.toCell?.name ?? transfer.externalOrganization ?? '…'}`}
                </p>
                <p className="dv-card__line dv-muted">
                  {period(transfer.presentedOn, transfer.returnedOn ?? transfer.temporaryUntil)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {member.residenceLinks.length > 0 ? (
        <>
          <h3>{t('page.residence')}</h3>
          <ul className="dv-cards" data-testid="member-residence">
            {member.residenceLinks.map((link) => (
              <li key={link.id} className="dv-card">
                <p className="dv-card__title">{link.residenceCell?.name ?? t('page.residenceCellPending', { ward: link.residenceWard.name })}</p>
                <p className="dv-card__line">{period(link.validFrom, link.validTo)}</p>
                {link.comments.map((comment) => (
                  <p key={comment.year} className="dv-card__line">{`${String(comment.year)}: ${comment.comment}`}</p>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function Reviews({ reviews }: { reviews: readonly Review[] }) {
  const { t } = useTranslation('cell.members');
  const { t: tCell } = useTranslation('cell');
  const columns: Column<Review>[] = [
    { header: t('col.year'), cell: (review) => (review.period === 'YEAR' ? String(review.year) : `${t(`period.${review.period}`)} ${String(review.year)}`), sortValue: (review) => review.year },
    { header: t('col.grade'), cell: (review) => (review.grade ? tCell(`labels.grade.${review.grade}`) : '—') },
    { header: t('col.score'), numeric: true, cell: (review) => review.score ?? '—', sortValue: (review) => review.score },
  ];
  return (
    <Section title={t('page.reviews')}>
      <DataTable caption={t('page.reviewsCaption')} columns={columns} rows={reviews} rowKey={(review) => review.id} emptyText={t('page.noReviews')} testId="member-reviews" />
    </Section>
  );
}

function DuesSection({ member }: { member: MemberRecord }) {
  const { t } = useTranslation('cell.members');
  const { cellPath } = useCellPath();
  const months = [...member.dues].reverse();
  const total = (pick: (month: Dues) => number) => formatMoney(member.dues.reduce((sum, month) => sum + pick(month), 0));
  const columns: Column<Dues>[] = [
    { header: t('col.month'), cell: (month) => formatMonth(month.month) },
    { header: t('col.due'), numeric: true, cell: (month) => formatMoney(month.due) },
    {
      header: t('col.state'),
      cell: (month) =>
        month.due === 0 ? (
          t('col.nothingDue')
        ) : month.owed > 0 ? (
          <Badge tone="warning">{t('col.owed', { amount: formatMoney(month.owed) })}</Badge>
        ) : (
          <Badge tone="success">{t('col.paidAll')}</Badge>
        ),
    },
  ];
  return (
    <Section title={t('page.dues')} actions={<ButtonLink to={cellPath('dues')}>{t('page.openDues')}</ButtonLink>}>
      {months.length === 0 ? (
        <p className="dv-empty">{t('page.noDues')}</p>
      ) : (
        <>
          <p>{t('page.duesTotal', { due: total((month) => month.due), paid: total((month) => month.paid), owed: total((month) => month.owed) })}</p>
          <DataTable caption={t('page.duesCaption')} columns={columns} rows={months} rowKey={(month) => month.month} testId="member-dues" />
        </>
      )}
      <h3>{t('page.payments')}</h3>
      {member.duesPayments.length === 0 ? (
        <p className="dv-empty">{t('page.noPayments')}</p>
      ) : (
        <ul data-testid="member-payments">
          {[...member.duesPayments].reverse().slice(0, 12).map((payment) => (
            <li key={payment.id}>{t('page.payment', { month: formatMonth(payment.month), amount: formatMoney(payment.amount), date: formatDate(payment.paidOn) })}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Tasks({ tasks, memberId }: { tasks: readonly MemberTask[]; memberId: string }) {
  const { t } = useTranslation('cell.members');
  const { cellPath } = useCellPath();
  return (
    <Section title={t('page.tasks')} actions={<ButtonLink to={cellPath('tasks')}>{t('page.openTasks')}</ButtonLink>}>
      {tasks.length === 0 ? (
        <p className="dv-empty">{t('page.noTasks')}</p>
      ) : (
        <ul className="dv-cards" data-testid="member-tasks">
          {tasks.map((task) => {
            const held = task.assignee?.id === memberId;
            return (
              <li key={task.id} className="dv-card">
                <p className="dv-card__title">{task.title}</p>
                {task.area ? <p className="dv-card__line">{task.area}</p> : null}
                <p className="dv-card__line dv-muted">
                  {task.endsOn ? t('page.fromTo', { from: formatDate(task.startsOn), to: formatDate(task.endsOn) }) : t('page.since', { from: formatDate(task.startsOn) })}
                </p>
                <p className="dv-card__badges">
                  <Badge tone={held ? 'info' : 'neutral'}>{held ? t('page.taskHeld') : t('page.taskPast')}</Badge>
                  {task.done ? <Badge tone="success">{t('page.taskDone')}</Badge> : null}
                  {task.overdue ? <Badge tone="warning">{t('page.taskOverdue')}</Badge> : null}
                  {task.unattended ? <Badge tone="danger">{t('page.taskUnattended')}</Badge> : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
