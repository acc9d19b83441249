import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only the parts of Chart.js a bar chart needs (tree-shaken); this file is its own chunk, loaded when a
// chart is first shown, never with the module.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Colours with at least 3:1 contrast on white, told apart without hue too (each series is named in the legend and the table). */
const COLOURS = ['#1f5fa8', '#b3261e', '#2e7d32', '#6a4c93', '#8a5a00'];

export interface BarSeries {
  label: string;
  values: readonly number[];
}

/** A bar chart on a canvas; its text alternative is the label, the numbers are in the table beside it. */
export default function BarChart({ label, categories, series, horizontal = false, stacked = false }: { label: string; categories: readonly string[]; series: readonly BarSeries[]; horizontal?: boolean; stacked?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify({ categories, series });
  useEffect(() => {
    if (!canvas.current) return;
    const { categories: labels, series: sets } = JSON.parse(data) as { categories: string[]; series: BarSeries[] };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: sets.map((set, index) => ({ label: set.label, data: [...set.values], backgroundColor: COLOURS[index % COLOURS.length] })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: 'vi-VN',
        plugins: { legend: { display: sets.length > 1 } },
        // Counts are whole numbers on whichever axis holds the values.
        scales: { x: { stacked, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [data, horizontal, stacked]);
  const height = horizontal ? Math.max(160, 28 * categories.length + 60) : 240;
  return (
    <div className="dd-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
