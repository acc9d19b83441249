import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addTranslations,
  Alert,
  Badge,
  Button,
  ChoiceField,
  Dialog,
  Facts,
  formatDate,
  FormError,
  FormProvider,
  QueryBoundary,
  Section,
  SelectField,
  showServerError,
  TextAreaField,
  TextField,
  useQuery,
  useQueuedMutation,
  useMutation,
  useSchemaForm,
  type Tone,
} from '@dangvien/ui';
import { todayInVietnam } from '../dues/calendar.ts';
import { useCellPath } from '../layout/useCellPath.ts';
import { TASK_RESULTS } from '../messages.ts';
import { vi } from './messages.ts';
import { ASSIGN_TASK, CELL_TASKS, REASSIGN_TASK, REVIEW_TASK, type CellTask, type TaskRosterMember } from './queries.ts';
import { assignTaskSchema, reassignTaskSchema, reviewTaskSchema, type AssignTaskForm, type ReassignTaskForm, type ReviewTaskForm } from './schemas.ts';
import { assignableMembers, currentAssignment, groupTasks, householdList, latestReview, TASK_STATES, taskState, type TaskState } from './tasks.ts';

addTranslations('cell.tasks', { vi });

const TONE: Record<TaskState, Tone> = { unattended: 'danger', overdue: 'warning', ongoing: 'info', done: 'success' };

type Open = { kind: 'assign' } | { kind: 'review'; task: CellTask } | { kind: 'reassign'; task: CellTask } | null;

/** Phân công nhiệm vụ: forgotten (sót việc) and overdue tasks first; assign, review with a result, reassign. */
export default function TasksPage() {
  const { t } = useTranslation('cell.tasks');
  const { cellId } = useCellPath();
  const query = useQuery(CELL_TASKS, { id: cellId });
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
        const roster = assignableMembers(data.orgUnit?.members ?? []);
        const groups = groupTasks(data.tasks);
        return (
          <>
            <Section
              title={t('title')}
              actions={
                <Button onClick={() => setOpen({ kind: 'assign' })} data-testid="task-assign-open">
                  {t('assignNew')}
                </Button>
              }
            >
              <p>{t('intro')}</p>
              {notice ? (
                <Alert tone="success" live="status">
                  <span data-testid="task-notice">{notice}</span>
                </Alert>
              ) : null}
              {data.tasks.length === 0 ? <p className="dv-empty">{t('noTasks')}</p> : null}
            </Section>
            {TASK_STATES.filter((state) => groups[state].length > 0).map((state) => (
              <Section key={state} title={t(`group.${state}`, { count: groups[state].length })}>
                {state === 'unattended' ? <p>{t('unattendedHint')}</p> : null}
                <ul className="dv-cards" data-testid={`tasks-${state}`}>
                  {groups[state].map((task) => (
                    <TaskCard key={task.id} task={task} onReview={() => setOpen({ kind: 'review', task })} onReassign={() => setOpen({ kind: 'reassign', task })} />
                  ))}
                </ul>
              </Section>
            ))}
            <Dialog open={open?.kind === 'assign'} title={t('assignTitle')} onClose={close}>
              {roster.length === 0 ? <p>{t('noRoster')}</p> : <AssignForm cellId={cellId} roster={roster} onDone={finish} />}
            </Dialog>
            <Dialog open={open?.kind === 'review'} title={open?.kind === 'review' ? t('reviewTitle', { title: open.task.title }) : ''} onClose={close}>
              {open?.kind === 'review' ? <ReviewForm task={open.task} onDone={finish} /> : null}
            </Dialog>
            <Dialog open={open?.kind === 'reassign'} title={open?.kind === 'reassign' ? t('reassignTitle', { title: open.task.title }) : ''} onClose={close}>
              {open?.kind === 'reassign' ? <ReassignForm task={open.task} roster={roster} onDone={finish} /> : null}
            </Dialog>
          </>
        );
      }}
    </QueryBoundary>
  );
}

function TaskCard({ task, onReview, onReassign }: { task: CellTask; onReview: () => void; onReassign: () => void }) {
  const { t } = useTranslation('cell.tasks');
  const state = taskState(task);
  const review = latestReview(task);
  return (
    <li className="dv-card" data-testid="task-card" data-task-id={task.id} data-state={state}>
      <div className="dv-card__head">
        <h3 className="dv-card__title">{task.title}</h3>
        <Badge tone={TONE[state]}>{t(`state.${state}`)}</Badge>
      </div>
      <Facts
        items={[
          ...(task.area ? [{ label: t('place'), value: task.area }] : []),
          ...(task.households.length > 0 ? [{ label: t('households'), value: task.households.join('; ') }] : []),
          {
            label: t('assignee'),
            value: task.assignee ? (
              <>
                {task.assignee.fullName}
                {task.unattended ? <span className="dv-muted"> ({t(`labels.unattendedReason.${task.unattended}`, { ns: 'cell' })})</span> : null}
              </>
            ) : (
              t('nobody')
            ),
          },
          {
            label: t('period'),
            value: task.endsOn ? t('fromTo', { from: formatDate(task.startsOn), to: formatDate(task.endsOn) }) : t('from', { date: formatDate(task.startsOn) }),
          },
          {
            label: t('lastReview'),
            value: review
              ? t('reviewLine', { date: formatDate(review.reviewedOn), result: t(`labels.taskResult.${review.result}`, { ns: 'cell' }) }) + (review.comment ? ` (${review.comment})` : '')
              : t('notReviewed'),
          },
        ]}
      />
      <div className="dv-form__actions dv-card__actions" role="group" aria-label={t('actionsFor', { title: task.title })}>
        <Button variant={state === 'unattended' ? 'primary' : 'secondary'} onClick={onReassign} data-testid="task-reassign-open">
          {t('reassign')}
        </Button>
        <Button variant={state === 'unattended' ? 'secondary' : 'primary'} onClick={onReview} data-testid="task-review-open">
          {t('review')}
        </Button>
      </div>
    </li>
  );
}

function memberOptions(t: (key: string) => string, roster: readonly TaskRosterMember[]) {
  return [{ value: '', label: t('pickMember') }, ...roster.map((member) => ({ value: member.id, label: member.fullName }))];
}

function AssignForm({ cellId, roster, onDone }: { cellId: string; roster: readonly TaskRosterMember[]; onDone: (message: string) => void }) {
  const { t } = useTranslation('cell.tasks');
  const form = useSchemaForm<AssignTaskForm>(assignTaskSchema, { title: '', area: '', households: '', startsOn: todayInVietnam(), endsOn: '', memberId: '' });
  const assign = useQueuedMutation(ASSIGN_TASK);
  const submit = form.handleSubmit(async (values) => {
    const name = roster.find((member) => member.id === values.memberId)?.fullName ?? '';
    try {
      const result = await assign(
        (clientRequestId) => ({
          input: {
            clientRequestId,
            cellId,
            memberId: values.memberId,
            title: values.title,
            area: values.area || null,
            households: householdList(values.households),
            startsOn: values.startsOn,
            endsOn: values.endsOn || null,
          },
        }),
        t('assigned', { title: values.title, name }),
      );
      onDone(result.sent ? t('assigned', { title: values.title, name }) : t('outbox.queued', { ns: 'translation' }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="task-assign-form">
        <TextField<AssignTaskForm> name="title" label={t('taskTitle')} hint={t('taskTitleHint')} autoComplete="off" />
        <TextField<AssignTaskForm> name="area" label={t('area')} hint={t('areaHint')} autoComplete="off" />
        <TextAreaField<AssignTaskForm> name="households" label={t('householdsField')} hint={t('householdsHint')} rows={3} />
        <TextField<AssignTaskForm> name="startsOn" type="date" label={t('startsOn')} />
        <TextField<AssignTaskForm> name="endsOn" type="date" label={t('endsOn')} />
        <SelectField<AssignTaskForm> name="memberId" label={t('member')} options={memberOptions(t, roster)} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="task-assign-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('assign')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function ReviewForm({ task, onDone }: { task: CellTask; onDone: (message: string) => void }) {
  const { t } = useTranslation('cell.tasks');
  const today = todayInVietnam();
  const [schema] = useState(() => reviewTaskSchema(task.startsOn, today));
  const form = useSchemaForm<ReviewTaskForm>(schema, { reviewedOn: today < task.startsOn ? task.startsOn : today, comment: '' });
  const review = useMutation(REVIEW_TASK);
  const submit = form.handleSubmit(async (values) => {
    try {
      await review.mutateAsync({ input: { taskId: task.id, reviewedOn: values.reviewedOn, result: values.result, comment: values.comment || null } });
      onDone(t('reviewed', { title: task.title, result: t(`labels.taskResult.${values.result}`, { ns: 'cell' }) }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="task-review-form">
        {task.assignee ? <p>{t('holder', { name: task.assignee.fullName })}</p> : null}
        <TextField<ReviewTaskForm> name="reviewedOn" type="date" label={t('reviewedOn')} min={task.startsOn} max={today} />
        <ChoiceField<ReviewTaskForm> name="result" label={t('result')} options={TASK_RESULTS.map((value) => ({ value, label: t(`labels.taskResult.${value}`, { ns: 'cell' }) }))} />
        <TextAreaField<ReviewTaskForm> name="comment" label={t('comment')} rows={3} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="task-review-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('saveReview')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function ReassignForm({ task, roster, onDone }: { task: CellTask; roster: readonly TaskRosterMember[]; onDone: (message: string) => void }) {
  const { t } = useTranslation('cell.tasks');
  const current = currentAssignment(task);
  const [schema] = useState(() => reassignTaskSchema(current ? { memberId: current.member.id, assignedOn: current.assignedOn } : undefined));
  const today = todayInVietnam();
  const form = useSchemaForm<ReassignTaskForm>(schema, { memberId: '', reassignedOn: current && today <= current.assignedOn ? '' : today });
  const reassign = useMutation(REASSIGN_TASK);
  const others = roster.filter((member) => member.id !== current?.member.id);
  const submit = form.handleSubmit(async (values) => {
    const name = roster.find((member) => member.id === values.memberId)?.fullName ?? '';
    try {
      await reassign.mutateAsync({ input: { taskId: task.id, memberId: values.memberId, reassignedOn: values.reassignedOn } });
      onDone(t('reassigned', { title: task.title, name }));
    } catch (error) {
      showServerError(form, error);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="task-reassign-form">
        <p>{task.assignee ? t('holder', { name: task.assignee.fullName }) : t('nobody')}</p>
        <SelectField<ReassignTaskForm> name="memberId" label={t('newMember')} options={memberOptions(t, others)} />
        <TextField<ReassignTaskForm> name="reassignedOn" type="date" label={t('reassignedOn')} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="task-reassign-submit">
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('saveReassign')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
