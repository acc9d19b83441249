import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, Alert, Badge, Button, ButtonLink, Facts, formatDate, Link, QueryBoundary, Section, useQuery } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { alertCount, groupWardAlerts, itemTarget, type WardAlertGroup, type WardAlertItem } from './alerts.ts';
import { vi } from './messages.ts';
import { ALERT_PAGE, WARD_HOME } from './queries.ts';

addTranslations('ward.home', { vi });

/** Cards show this many alerts, the rest behind "Xem cả …". */
const SHOWN = 5;

/** Tổng quan: the committee's size, then today's open alerts grouped by kind, each linking to where it is resolved. */
export default function HomePage() {
  const { t } = useTranslation('ward.home');
  const { committeeId, wardPath } = useWardPath();
  const query = useQuery(WARD_HOME, { id: committeeId, first: ALERT_PAGE });
  return (
    <QueryBoundary query={query}>
      {(data) => {
        const groups = groupWardAlerts(data, committeeId);
        const count = alertCount(groups);
        return (
          <>
            <Section title={t('summaryTitle')} actions={<ButtonLink to={wardPath('cells')}>{t('openCells')}</ButtonLink>}>
              <div data-testid="home-summary">
                <Facts
                  items={[
                    { label: t('cells'), value: <span data-testid="home-cells">{data.orgUnit?.children.length ?? 0}</span> },
                    { label: t('members'), value: <span data-testid="home-members">{data.orgUnit?.memberCount ?? 0}</span> },
                    { label: t('openAlerts'), value: <span data-testid="home-alert-count">{count}</span> },
                  ]}
                />
              </div>
            </Section>
            <Section title={<span data-testid="home-alert-title">{t('alertsTitle', { count })}</span>}>
              {groups.length === 0 ? (
                <Alert tone="success" title={t('none')}>
                  <p data-testid="home-no-alerts">{t('noneHint')}</p>
                </Alert>
              ) : (
                <>
                  <p>{t('summary', { count, groups: groups.length })}</p>
                  {data.memberAlerts.totalCount > data.memberAlerts.alerts.length ? (
                    <Alert tone="warning">{t('more', { total: data.memberAlerts.totalCount, shown: data.memberAlerts.alerts.length })}</Alert>
                  ) : null}
                  <ul className="dv-cards dv-cards--columns" data-testid="home-alerts" data-count={count}>
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

function AlertCard({ group }: { group: WardAlertGroup }) {
  const { t } = useTranslation('ward.home');
  const { wardPath } = useWardPath();
  const [all, setAll] = useState(false);
  const titleId = `home-alert-${group.kind}`;
  const shown = all ? group.items : group.items.slice(0, SHOWN);
  return (
    <li className="dv-card" data-testid={titleId} data-count={group.items.length}>
      <h3 className="dv-card__title" id={titleId}>
        {t(`kind.${group.kind}`)}
      </h3>
      <p className="dv-card__badges">
        <Badge tone={group.kind === 'MISSING_REQUIRED_FIELDS' ? 'info' : 'warning'}>{t('count', { count: group.items.length })}</Badge>
      </p>
      <p className="dv-card__line">
        <strong>{t('whatToDo')}:</strong> {t(`hint.${group.kind}`)}
      </p>
      <ul className="dv-linklist" aria-labelledby={titleId}>
        {shown.map((item) => (
          <li key={item.key}>
            <AlertLine group={group} item={item} />
          </li>
        ))}
      </ul>
      {group.items.length > SHOWN ? (
        <Button variant="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showFewer') : t('showAll', { count: group.items.length })}
        </Button>
      ) : null}
      <p className="dv-card__line">
        <ButtonLink to={wardPath(group.ward)} data-testid={`${titleId}-open`}>
          {t(`action.${group.ward}`)}
        </ButtonLink>
      </p>
    </li>
  );
}

function AlertLine({ group, item }: { group: WardAlertGroup; item: WardAlertItem }) {
  const { t } = useTranslation('ward.home');
  const { cellPath } = useWardPath();
  const target = itemTarget(group, item);
  const to = target ? cellPath(target.cellId, ...target.segments) : undefined;
  const label = item.member ? item.member.fullName : (item.cell?.name ?? t('committee'));
  return (
    <>
      {to ? (
        <Link to={to} data-testid="home-alert-link">
          {label}
        </Link>
      ) : (
        <strong>{label}</strong>
      )}
      {item.member && item.cell ? <span className="dv-muted"> ({item.cell.name})</span> : null}: {item.detail}
      {item.months?.length ? <> {t('absentMonths', { months: item.months.join(', ') })}</> : null}
      {item.dueDate ? <span className="dv-muted"> ({t('due', { date: formatDate(item.dueDate) })})</span> : null}
    </>
  );
}
