import { useBasePath } from '../layout/basePath.ts';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, ErrorMessage, formatDate, joinPath, Loading, Page, useQuery, type Column, type RemoteAppProps } from '@dangvien/ui';
import { CELL_TASKS, type CellTask } from './queries.ts';
import { sortTasks, taskState } from './tasks.ts';

/** The cell's tasks, forgotten ones (sót việc) first, so the secretary re-assigns them. */
export function TasksPage({ basePath }: RemoteAppProps) {
  const { cellId = '' } = useParams();
  const { t } = useTranslation('cell');
  const { data, error, isPending: loading, refetch } = useQuery(CELL_TASKS, { id: cellId });
  const tasks = useMemo(() => sortTasks(data?.tasks ?? []), [data]);
  const unattended = tasks.filter((task) => task.unattended).length;

  const columns: Column<CellTask>[] = [
    { header: t('task'), cell: (task) => <strong>{task.title}</strong> },
    { header: t('taskPlace'), cell: (task) => [task.area, ...task.households].filter(Boolean).join('; ') },
    { header: t('assignee'), cell: (task) => task.assignee?.fullName ?? <span className="dv-muted">{t('nobody')}</span> },
    { header: t('period'), cell: (task) => (task.endsOn ? t('fromTo', { from: formatDate(task.startsOn), to: formatDate(task.endsOn) }) : t('from', { date: formatDate(task.startsOn) })) },
    {
      header: t('taskStatus'),
      cell: (task) => {
        const state = taskState(task);
        const text = t(`state_${state}`);
        return state === 'unattended' || state === 'overdue' ? (
          <strong style={{ color: 'var(--dv-error)' }} data-state={state}>
            {text}
            {task.unattended ? <span style={{ display: 'block', fontWeight: 400 }}>{t(`labels.unattendedReason.${task.unattended}`)}</span> : null}
          </strong>
        ) : (
          <span data-state={state}>{text}</span>
        );
      },
    },
  ];

  return (
    <Page title={t('tasksTitle')} toolbar={<Link to={joinPath(basePath, cellId)}>{t('backToCell')}</Link>}>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : !data?.orgUnit ? (
        <p>{t('common.unitNotFound', { ns: 'translation' })}</p>
      ) : (
        <>
          <h2 data-testid="cell-name">{data.orgUnit.name}</h2>
          {unattended > 0 ? (
            <p className="dv-error" role="alert" data-testid="unattended-notice">
              {t('unattendedNotice', { count: unattended })}
            </p>
          ) : null}
          <DataTable testId="cell-tasks" caption={t('tasksCaption', { count: tasks.length })} columns={columns} rows={tasks} rowKey={(task) => task.id} emptyText={t('noTasks')} />
        </>
      )}
    </Page>
  );
}

/** Route element (until this page is rebuilt on the kit): the old page with the module's base path. */
export default function RouteTasksPage() {
  return <TasksPage basePath={useBasePath()} />;
}
