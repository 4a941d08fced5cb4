import uPlot from 'uplot';
import type { TrendPoint } from '../../report-data.js';
import { createDataTable, td } from '../components/capped-list.js';
import { h } from '../dom.js';
import { formatRatio } from '../format.js';
import type { ReportIndex } from '../report-index.js';

/** Metrics charted first, in this order; any other numeric metric in the history follows by name. */
const PREFERRED = ['modularity', 'sm', 'icp', 'ifn', 'ned', 'mq', 'crossServiceEdges', 'sharedTables', 'crossServiceTransactions'];
const CHART = { width: 320, height: 140 };

/** The hook for history: `analysis.trend` (oldest first), filled by the trend store. */
export function getTrend(index: ReportIndex): TrendPoint[] {
  const trend = index.analysis.trend;
  return Array.isArray(trend) ? trend.filter((point) => point && typeof point === 'object' && point.metrics && typeof point.metrics === 'object') : [];
}

export function renderTrend(index: ReportIndex): HTMLElement {
  const trend = getTrend(index);
  const section = h('section', { class: 'view trend-view' }, h('h1', null, 'Trend'));
  if (trend.length < 2) {
    section.append(h('p', { class: 'empty' }, trend.length === 0 ? 'This analysis carries no history.' : 'One point of history so far; the charts need two.'));
    return section;
  }
  const keys = getMetricKeys(trend);
  const dates = trend.map((point) => Date.parse(point.date) / 1000);
  const useTime = dates.every(Number.isFinite);
  const xs = useTime ? dates : trend.map((_, i) => i);
  const charts = h('div', { class: 'charts' });
  section.append(h('p', { class: 'muted' }, `${trend.length} analyses, ${trend[0]!.date} to ${trend[trend.length - 1]!.date}.`), charts);
  // uPlot measures its container, so draw once the section is in the document.
  requestAnimationFrame(() => {
    for (const key of keys) {
      const figure = h('figure', { class: 'chart' }, h('figcaption', null, key));
      charts.append(figure);
      const ys = trend.map((point) => (typeof point.metrics[key] === 'number' ? point.metrics[key]! : null));
      new uPlot(
        {
          ...CHART,
          scales: { x: { time: useTime } },
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          series: [{}, { label: key, stroke: '#4e79a7', width: 2, points: { show: trend.length <= 60 } }],
          axes: [{ stroke: '#6b7785', grid: { show: false } }, { stroke: '#6b7785', size: 48, grid: { stroke: '#eceff2' } }],
        },
        [xs, ys],
        figure,
      );
    }
  });
  section.append(
    h('h2', null, 'History'),
    createDataTable(
      ['Commit', 'Date', ...keys.slice(0, 5)],
      [...trend].reverse(),
      (point) => h('tr', null, td(h('code', null, point.sha.slice(0, 12))), td(point.date), keys.slice(0, 5).map((key) => td(formatValue(point.metrics[key]), 'num'))),
      { pageSize: 50 },
    ),
  );
  return section;
}

function getMetricKeys(trend: TrendPoint[]): string[] {
  const found = new Set<string>();
  for (const point of trend) for (const [key, value] of Object.entries(point.metrics)) if (typeof value === 'number') found.add(key);
  const rest = [...found].filter((key) => !PREFERRED.includes(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...PREFERRED.filter((key) => found.has(key)), ...rest];
}

function formatValue(value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : formatRatio(value);
}
