import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarSeries } from './BarChart.tsx';

// The charting library comes with this chunk, on the first chart shown.
const BarChart = lazy(() => import('./BarChart.tsx'));

/** A chart loaded on demand, for a table shown elsewhere on the page (the units below: too wide to share a row). */
export function LazyBarChart(props: { title: string; categories: readonly string[]; series: readonly BarSeries[]; horizontal?: boolean; stacked?: boolean }) {
  const { t } = useTranslation('district.dashboard');
  const { title, ...chart } = props;
  return (
    <Suspense fallback={<p className="dv-muted">{t('chart.loading')}</p>}>
      <BarChart label={t('chart.label', { title })} {...chart} />
    </Suspense>
  );
}

/** A chart with its numbers beside it (the table is what a screen reader and the Excel export read). */
export function ChartFigure(props: { title: string; categories: readonly string[]; series: readonly BarSeries[]; horizontal?: boolean; stacked?: boolean; children: ReactNode; testId?: string }) {
  const { t } = useTranslation('district.dashboard');
  const { title, categories, series, horizontal, stacked, children, testId } = props;
  const hasData = series.some((set) => set.values.some((value) => value > 0));
  return (
    <div className="dd-figure" data-testid={testId}>
      <div className="dd-figure__table">{children}</div>
      {hasData ? (
        <div className="dd-figure__chart">
          <Suspense fallback={<p className="dv-muted">{t('chart.loading')}</p>}>
            <BarChart label={t('chart.label', { title })} categories={categories} series={series} horizontal={horizontal} stacked={stacked} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
