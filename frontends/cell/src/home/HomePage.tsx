import { useState } from 'react';
import { Link } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, Alert, Badge, Button, ButtonLink, formatDate, QueryBoundary, Section, useQuery } from '@dangvien/ui';
import { currentMonth, formatMonth } from '../dues/calendar.ts';
import { useCellPath } from '../layout/useCellPath.ts';
import { alertCount, groupAlerts, monthMeeting, type AlertGroup, type AlertItem } from './alerts.ts';
import { vi } from './messages.ts';
import { ALERT_PAGE, CELL_HOME, type HomeMeeting } from './queries.ts';

addTranslations('cell.home', { vi });

/** Cards show this many alerts, the rest behind "Xem cả …". */
const SHOWN = 5;

/** Trang chủ: this month's meeting, then what needs doing, grouped by kind, each with the way to where it is resolved. */
export default function HomePage() {
  const { t } = useTranslation('cell.home');
  const { cellId } = useCellPath();
  const month = currentMonth();
  const query = useQuery(CELL_HOME, { id: cellId, year: Number(month.slice(0, 4)), first: ALERT_PAGE });
  return (
    <QueryBoundary query={query}>
      {(data) => {
        const groups = groupAlerts(data);
        const count = alertCount(groups);
        return (
          <>
            <MeetingStatus meetings={data.orgUnit?.meetings ?? []} month={month} />
            <Section title={<span data-testid="home-alert-title">{t('alertsTitle', { count })}</span>}>
              {groups.length === 0 ? (
                <Alert tone="success" title={t('none')}>
                  <p data-testid="home-no-alerts">{t('noneHint')}</p>
                </Alert>
              ) : (
                <>
                  <p>{t('summary', { count, groups: groups.length })}</p>
                  <ul className="dv-cards" data-testid="home-alerts" data-count={count}>
                    {groups.map((group) => (
                      <AlertCard key={group.kind} group={group} />
                    ))}
                  </ul>
                </>
              )}
            </Section>
          </>
        );
      }}
    </QueryBoundary>
  );
}

function MeetingStatus({ meetings, month }: { meetings: readonly HomeMeeting[]; month: string }) {
  const { t } = useTranslation('cell.home');
  const { cellPath } = useCellPath();
  const { regular, other } = monthMeeting(meetings, month);
  return (
    <Section title={t('meeting.title', { month: formatMonth(month) })}>
      <div data-testid="home-meeting" data-state={regular ? 'recorded' : 'missing'}>
        {regular ? (
          <Alert tone="success">
            <p>{t('meeting.done', { date: formatDate(regular.heldOn) })}</p>
            <ButtonLink to={cellPath('meetings', regular.id)} data-testid="home-meeting-open">
              {t('meeting.open')}
            </ButtonLink>
          </Alert>
        ) : (
          <Alert tone="warning">
            <p>{t('meeting.missing')}</p>
            {other ? <p>{t('meeting.thematicOnly', { date: formatDate(other.heldOn) })}</p> : null}
            <ButtonLink variant="primary" to={cellPath('meetings', 'new')} data-testid="home-meeting-record">
              {t('meeting.record')}
            </ButtonLink>
          </Alert>
        )}
      </div>
    </Section>
  );
}

function AlertCard({ group }: { group: AlertGroup }) {
  const { t } = useTranslation('cell.home');
  const { cellPath } = useCellPath();
  const [all, setAll] = useState(false);
  const titleId = `home-alert-${group.kind}`;
  const shown = all ? group.items : group.items.slice(0, SHOWN);
  const page = group.target === 'member' ? null : cellPath(group.target);
  return (
    <li className="dv-card" data-testid={titleId} data-count={group.items.length}>
      <h3 className="dv-card__title" id={titleId}>
        {t(`kind.${group.kind}`)}
      </h3>
      <p className="dv-card__badges">
        <Badge tone={group.target === 'member' && group.kind === 'MISSING_REQUIRED_FIELDS' ? 'info' : 'warning'}>{t('count', { count: group.items.length })}</Badge>
      </p>
      <p className="dv-card__line">
        <strong>{t('whatToDo')}:</strong> {t(`hint.${group.kind}`)}
      </p>
      <ul className="dv-linklist" aria-labelledby={titleId}>
        {shown.map((item) => (
          <li key={item.key}>
            <AlertLine item={item} />
          </li>
        ))}
      </ul>
      {group.items.length > SHOWN ? (
        <Button variant="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showFewer') : t('showAll', { count: group.items.length })}
        </Button>
      ) : null}
      {page ? (
        <p className="dv-card__line">
          <ButtonLink to={page} data-testid={`${titleId}-open`}>
            {t(`action.${group.target}`)}
          </ButtonLink>
        </p>
      ) : null}
    </li>
  );
}

function AlertLine({ item }: { item: AlertItem }) {
  const { t } = useTranslation('cell.home');
  const { cellPath } = useCellPath();
  const name = item.member ? (
    <Link to={cellPath('members', item.member.id)} data-testid="home-alert-member">
      {item.member.fullName}
    </Link>
  ) : null;
  if (item.task) {
    const who = item.task.assignee?.fullName ?? t('taskNobody');
    return <>{t('taskLine', { title: item.task.title, who, date: formatDate(item.task.endsOn) })}</>;
  }
  return (
    <>
      {name ? <>{name}: </> : null}
      {item.detail}
      {item.months?.length ? <> {t('absentMonths', { months: item.months.join(', ') })}</> : null}
    </>
  );
}
