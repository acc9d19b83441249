import { useTranslation } from 'react-i18next';
import { formatDate, Link, Section } from '@dangvien/ui';
import { ChartFigure } from './ChartFigure.tsx';
import { CountTable, labelledCounts, type CountRow } from './CountTable.tsx';
import { figureTarget, type FigureTopic } from './links.ts';
import type { vi } from './messages.ts';
import { formatMoney, formatRate } from './period.ts';
import type { DashboardFigures, DuesSummary } from './queries.ts';
import type { OrgUnitKind } from '../generated/graphql.ts';

type Paths = Parameters<typeof figureTarget>[2];

/** A figure of the summary: its label, its value, a link to the list behind it. */
function SummaryItem({ label, value, testId, topic, unit, paths }: { label: string; value: string | number; testId: string; topic: FigureTopic; unit: { id: string; kind?: OrgUnitKind }; paths: Paths }) {
  const { t } = useTranslation('district.dashboard');
  const target = figureTarget(topic, unit, paths);
  const text = typeof value === 'number' ? value.toLocaleString('vi-VN') : value;
  const content = (
    <>
      <span className="dd-summary__label">{label}</span>
      <span className="dd-summary__value" data-testid={testId}>
        {text}
      </span>
    </>
  );
  return (
    <li>
      {target.external ? (
        <Link to={target.href} title={t('summary.seeList')}>
          {content}
        </Link>
      ) : (
        <a href={target.href} title={t('summary.seeList')}>
          {content}
        </a>
      )}
    </li>
  );
}

/** The figures people ask for first, each a link to its list. */
export function Summary({ data, dues, unit, paths }: { data: DashboardFigures; dues: DuesSummary | null | undefined; unit: { id: string; kind?: OrgUnitKind }; paths: Paths }) {
  const { t } = useTranslation('district.dashboard');
  const s = data.memberStatistics;
  const units = s.unitsByKind.reduce((sum, row) => sum + row.count, 0);
  const item = (key: keyof typeof vi.summary, value: string | number, testId: string, topic: FigureTopic) => (
    <SummaryItem key={testId} label={t(`summary.${key}`)} value={value} testId={testId} topic={topic} unit={unit} paths={paths} />
  );
  return (
    <Section title={t('summary.title')}>
      <ul className="dd-summary" data-testid="dashboard-summary">
        {item('members', s.members, 'dash-members', 'members')}
        {units > 0 ? item('units', units, 'dash-units', 'members') : null}
        {item('admitted', s.admitted, 'dash-admitted', 'movements')}
        {item('madeOfficial', s.madeOfficial, 'dash-made-official', 'movements')}
        {item('transferredIn', s.transferredIn, 'dash-transferred-in', 'transfers')}
        {item('transferredOut', s.transferredOut, 'dash-transferred-out', 'transfers')}
        {item('expelled', s.expelled, 'dash-expelled', 'movements')}
        {item('namesRemoved', s.namesRemoved, 'dash-names-removed', 'movements')}
        {item('attendance', formatRate(data.attendanceRate?.rate), 'dash-attendance', 'attendance')}
        {dues ? item('duesPaid', formatMoney(dues.paid), 'dash-dues-paid', 'dues') : null}
        {dues ? item('duesOwed', formatMoney(dues.owed), 'dash-dues-owed', 'dues') : null}
      </ul>
    </Section>
  );
}

const chartOf = (rows: readonly CountRow[], label: string) => ({ categories: rows.map((row) => row.label), series: [{ label, values: rows.map((row) => row.count) }] });

/** Members on the period's last day: by status (chart), sex, age (chart) and political theory. */
export function MemberSection({ data }: { data: DashboardFigures }) {
  const { t } = useTranslation('district.dashboard');
  const s = data.memberStatistics;
  const label = (map: Record<string, string>) => (value: string) => map[value] ?? value;
  const status = labelledCounts(s.byStatus, label(t('members.status', { returnObjects: true }) as Record<string, string>), t('members.unknown'));
  const age = labelledCounts(s.byAgeBand, (value) => value, t('members.unknown'));
  const common = { header: t('members.category'), countHeader: t('members.count') };
  return (
    <Section title={t('members.title')}>
      <ChartFigure title={t('members.byStatus', { date: formatDate(s.asOf) })} {...chartOf(status, t('members.count'))} testId="figure-status">
        <CountTable testId="dash-status" caption={t('members.byStatus', { date: formatDate(s.asOf) })} rows={status} fileName={t('export.status')} {...common} />
      </ChartFigure>
      <ChartFigure title={t('members.byAgeBand')} {...chartOf(age, t('members.count'))}>
        <CountTable testId="dash-age" caption={t('members.byAgeBand')} rows={age} fileName={t('export.age')} {...common} />
      </ChartFigure>
      <div className="dd-figure">
        <CountTable testId="dash-sex" caption={t('members.bySex')} rows={labelledCounts(s.bySex, label(t('members.sex', { returnObjects: true }) as Record<string, string>), t('members.unknown'))} fileName={t('export.sex')} {...common} />
        <CountTable
          testId="dash-theory"
          caption={t('members.byTheory')}
          rows={labelledCounts(s.byPoliticalTheoryLevel, label(t('members.theory', { returnObjects: true }) as Record<string, string>), t('members.unknown'))}
          fileName={t('export.theory')}
          {...common}
        />
      </div>
    </Section>
  );
}

/** Admissions, becoming official, transfers, expulsions, name removals, leaving and deaths in the period. */
export function MovementSection({ data }: { data: DashboardFigures }) {
  const { t } = useTranslation('district.dashboard');
  const s = data.memberStatistics;
  const rows: CountRow[] = [
    { key: 'admitted', label: t('summary.admitted'), count: s.admitted },
    { key: 'madeOfficial', label: t('summary.madeOfficial'), count: s.madeOfficial },
    { key: 'transferredIn', label: t('summary.transferredIn'), count: s.transferredIn },
    { key: 'transferredOut', label: t('summary.transferredOut'), count: s.transferredOut },
    { key: 'expelled', label: t('summary.expelled'), count: s.expelled },
    { key: 'namesRemoved', label: t('summary.namesRemoved'), count: s.namesRemoved },
    { key: 'left', label: t('movements.left'), count: s.left },
    { key: 'died', label: t('movements.died'), count: s.died },
  ];
  const caption = t('movements.caption', { from: formatDate(s.from), to: formatDate(s.to) });
  return (
    <Section title={t('movements.title')}>
      <ChartFigure title={caption} {...chartOf(rows, t('movements.count'))} horizontal testId="figure-movements">
        <CountTable testId="dash-movements" caption={caption} header={t('movements.event')} countHeader={t('movements.count')} rows={rows} fileName={t('export.movements')} withShare={false} />
      </ChartFigure>
    </Section>
  );
}

/** Grades of the period's last year (chart), attendance in the period, and the year's tasks. */
export function ActivitySection({ data, year }: { data: DashboardFigures; year: number }) {
  const { t } = useTranslation('district.dashboard');
  const grades = data.gradeDistribution;
  const attendance = data.attendanceRate;
  const tasks = data.taskSummary;
  const gradeRows: CountRow[] = grades
    ? (['excellent', 'good', 'completed', 'notCompleted'] as const).map((key) => ({ key, label: t(`activity.gradeLabel.${key}`), count: grades[key] }))
    : [];
  return (
    <Section title={t('activity.title')}>
      {grades ? (
        <ChartFigure title={t('activity.grades', { year })} {...chartOf(gradeRows, t('members.count'))} horizontal testId="figure-grades">
          <CountTable testId="dash-grades" caption={t('activity.grades', { year })} header={t('activity.grade')} countHeader={t('members.count')} rows={gradeRows} fileName={t('export.grades')} />
        </ChartFigure>
      ) : null}
      <div className="dd-figure">
        {attendance ? (
          <CountTable
            testId="dash-attendance-table"
            caption={`${t('activity.attendance')}: ${t('activity.rate').toLowerCase()} ${formatRate(attendance.rate)}`}
            header={t('activity.attendanceItem')}
            countHeader={t('activity.value')}
            withShare={false}
            rows={[
              { key: 'meetings', label: t('activity.meetings'), count: attendance.meetings },
              { key: 'present', label: t('activity.present'), count: attendance.present },
              { key: 'excused', label: t('activity.excused'), count: attendance.excused },
              { key: 'absent', label: t('activity.absent'), count: attendance.absent },
            ]}
            fileName={t('export.attendance')}
          />
        ) : null}
        {tasks ? (
          <CountTable
            testId="dash-tasks"
            caption={t('activity.tasks', { year })}
            header={t('activity.attendanceItem')}
            countHeader={t('activity.value')}
            withShare={false}
            rows={[
              { key: 'total', label: t('activity.taskTotal'), count: tasks.total },
              { key: 'done', label: t('activity.taskDone'), count: tasks.done },
              { key: 'overdue', label: t('activity.taskOverdue'), count: tasks.overdue },
              { key: 'unattended', label: t('activity.taskUnattended'), count: tasks.unattended },
            ]}
            fileName={t('export.tasks')}
          />
        ) : null}
      </div>
    </Section>
  );
}
