import type { ReportData } from '../report-data.js';
import { h, replaceChildren } from './dom.js';
import { formatCount } from './format.js';
import { createReportIndex, type ReportIndex } from './report-index.js';
import { parseRoute, type Route } from './router.js';
import { createFindingsView, type FindingsView } from './views/findings.js';
import { createGraphView, type GraphView } from './views/graph/graph-view.js';
import { renderOverview } from './views/overview.js';
import { renderServicePage } from './views/service-page.js';
import { renderTables } from './views/tables.js';
import { getTrend, renderTrend } from './views/trend.js';

declare global {
  interface Window {
    /** For automation and tests: where a graph node is on screen, and what is focused. */
    seamsReport?: { locate(name: string): { x: number; y: number } | null; getFocusedName(): string | null };
  }
}

/** Reads the embedded data, builds the shell, and shows the view the hash names. */
function start(): void {
  const app = document.getElementById('app');
  const source = document.getElementById('seams-data');
  if (!app || !source?.textContent) return;
  const data = JSON.parse(source.textContent) as ReportData;
  const index = createReportIndex(data);
  const views = createViews(index);
  const content = h('main', { class: 'content' });
  const nav = createNav(index);
  replaceChildren(app, h('header', { class: 'top' }, h('a', { class: 'brand', href: '#/overview' }, 'seams'), h('span', { class: 'project' }, index.analysis.root), nav), content);

  const show = () => {
    const route = parseRoute(location.hash);
    for (const link of nav.querySelectorAll('a')) link.classList.toggle('active', link.dataset.view === route.view);
    const view = views.get(route);
    if (content.firstChild !== view) replaceChildren(content, view);
    document.body.dataset.view = route.view;
    if (route.view === 'graph') views.graph().show(route);
    if (route.view === 'findings') views.findings().setSeverity(route.severity);
    if (route.view === 'service') window.scrollTo(0, 0);
  };
  window.addEventListener('hashchange', show);
  show();
  window.seamsReport = {
    locate: (name) => views.graph().locate(name),
    getFocusedName: () => views.graph().getFocusedName(),
  };
  performance.mark('seams:first-render');
  document.body.dataset.ready = 'true';
}

interface Views {
  get(route: Route): HTMLElement;
  graph(): GraphView;
  findings(): FindingsView;
}

/** Each view is built the first time it is shown, then kept. */
function createViews(index: ReportIndex): Views {
  let overview: HTMLElement | undefined;
  let tables: HTMLElement | undefined;
  let trend: HTMLElement | undefined;
  let graph: GraphView | undefined;
  let findings: FindingsView | undefined;
  const pages = new Map<number, HTMLElement>();
  const views: Views = {
    graph: () => {
      graph ??= createGraphView(index);
      return graph;
    },
    findings: () => {
      findings ??= createFindingsView(index);
      return findings;
    },
    get(route) {
      switch (route.view) {
        case 'graph':
          return views.graph().element;
        case 'findings':
          return views.findings().element;
        case 'tables':
          tables ??= renderTables(index);
          return tables;
        case 'trend':
          trend ??= renderTrend(index);
          return trend;
        case 'service': {
          let page = pages.get(route.service);
          if (!page) {
            page = renderServicePage(index, route.service);
            pages.set(route.service, page);
          }
          return page;
        }
        default:
          overview ??= renderOverview(index);
          return overview;
      }
    },
  };
  return views;
}

function createNav(index: ReportIndex): HTMLElement {
  const { analysis } = index;
  const link = (view: Route['view'], label: string) => h('a', { href: `#/${view}`, 'data-view': view }, label);
  return h(
    'nav',
    null,
    link('overview', 'Overview'),
    link('graph', 'Graph'),
    link('tables', `Tables (${formatCount(analysis.tables.length)})`),
    link('findings', `Findings (${formatCount(analysis.findings.length)})`),
    getTrend(index).length > 0 ? link('trend', 'Trend') : null,
  );
}

start();
