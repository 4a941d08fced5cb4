import type { Severity } from '../../../../types.js';
import { createCappedList, createDataTable, td } from '../components/capped-list.js';
import { createBadge, createLink, createServiceLink } from '../components/links.js';
import { createServicesTable } from '../components/services-table.js';
import { h } from '../dom.js';
import { formatCount, formatLocation, formatRatio, pluralize } from '../format.js';
import type { ReportIndex } from '../report-index.js';

export const SEVERITIES: Severity[] = ['high', 'medium', 'low', 'info'];

const METRICS: { key: keyof ReportIndex['analysis']['metrics']; label: string; title: string; digits?: number }[] = [
  { key: 'modularity', label: 'Modularity', title: 'Newman modularity of the split on the dependency graph (higher is better, up to 1)' },
  { key: 'sm', label: 'SM', title: 'Structural modularity: cohesion inside services against coupling between them' },
  { key: 'icp', label: 'ICP', title: 'Inter-call percentage: share of dependency weight that crosses services (lower is better)' },
  { key: 'ifn', label: 'IFN', title: 'Interface number: files per service that other services use', digits: 2 },
  { key: 'ned', label: 'NED', title: 'Non-extreme distribution: share of files in services that are neither too small nor too large' },
  { key: 'mq', label: 'MQ', title: 'TurboMQ modularisation quality', digits: 2 },
  { key: 'crossServiceEdges', label: 'Cross-service edges', title: 'File dependencies between different services', digits: 0 },
  { key: 'sharedTables', label: 'Shared tables', title: 'Tables used by more than one service', digits: 0 },
  { key: 'crossServiceTransactions', label: 'Cross-service transactions', title: 'Transactions that touch tables of several services', digits: 0 },
];

export function renderOverview(index: ReportIndex): HTMLElement {
  const { analysis } = index;
  const { summary } = analysis;
  const counts = h(
    'div',
    { class: 'cards' },
    createCard('Files', formatCount(summary.files)),
    createCard('Candidate services', formatCount(summary.services)),
    createCard('Shared kernel', formatCount(summary.sharedKernel), 'Modules nearly everything uses, set aside rather than allowed to glue services together'),
    createCard('Unassigned', formatCount(summary.unassigned), 'Files no dependency ties to a service'),
    createCard('Dependencies', formatCount(summary.edges)),
    createCard('Tables', formatCount(summary.tables)),
  );
  const metrics = h(
    'div',
    { class: 'cards metrics' },
    METRICS.map((metric) => {
      const value = analysis.metrics[metric.key];
      return createCard(metric.label, metric.digits === 0 ? formatCount(value) : formatRatio(value, metric.digits ?? 3), metric.title);
    }),
  );
  const findings = h(
    'div',
    { class: 'severity-counts' },
    SEVERITIES.map((severity) =>
      h(
        'a',
        { href: `#/findings/${severity}`, class: `severity-count ${severity}` },
        createBadge(severity, `severity ${severity}`),
        h('strong', null, formatCount(summary.findings[severity])),
      ),
    ),
    createLink({ view: 'findings' }, `All ${pluralize(analysis.findings.length, 'finding')} →`),
  );
  return h(
    'section',
    { class: 'view overview' },
    h('h1', null, analysis.root),
    h('p', { class: 'subtitle' }, `seams ${analysis.tool.version} · schema ${analysis.schemaVersion} · seed ${analysis.options.seed} · resolution ${analysis.options.resolution}`),
    counts,
    h('h2', null, 'Metrics'),
    metrics,
    h('h2', null, 'Candidate services'),
    createServicesTable(index),
    renderExtractionOrder(index),
    h('h2', null, 'Findings by severity'),
    findings,
    h('h2', null, `Shared kernel (${formatCount(analysis.sharedKernel.length)})`),
    createCappedList(analysis.sharedKernel, (entry) => h('li', null, h('code', null, entry.path), h('span', { class: 'muted' }, ` — ${entry.reason}`)), {
      empty: 'No shared kernel.',
      pageSize: 25,
      className: 'plain',
    }),
    analysis.unassigned.length > 0 ? h('h2', null, `Unassigned files (${formatCount(analysis.unassigned.length)})`) : null,
    analysis.unassigned.length > 0
      ? createCappedList(analysis.unassigned, (file) => h('li', null, h('code', null, file)), { pageSize: 25, className: 'plain' })
      : null,
    h('h2', null, `Diagnostics (${formatCount(analysis.diagnostics.length)})`, summary.unresolvedImports > 0 ? h('span', { class: 'muted' }, ` · ${pluralize(summary.unresolvedImports, 'unresolved import')}`) : null),
    createDataTable(
      ['Severity', 'Code', 'Where', 'Message'],
      analysis.diagnostics,
      (diagnostic) =>
        h(
          'tr',
          null,
          td(createBadge(diagnostic.severity, `diagnostic ${diagnostic.severity}`)),
          td(h('code', null, diagnostic.code)),
          td(diagnostic.file ? h('code', null, formatLocation(diagnostic.file, diagnostic.line)) : '—'),
          td(diagnostic.message),
        ),
      { empty: 'No diagnostics: every file parsed and every import resolved.', pageSize: 50 },
    ),
  );
}

/** The strangler-fig plan: services from cheapest to costliest to carve out. */
function renderExtractionOrder(index: ReportIndex): HTMLElement | null {
  const steps = index.analysis.extractionOrder ?? [];
  if (steps.length === 0) return null;
  return h(
    'div',
    null,
    h('h2', null, 'Extraction order'),
    h('p', { class: 'muted' }, 'Cheapest service to carve out first: cost = cross-service edges + 3 × shared tables + 5 × cross-service transactions + 5 × cycles.'),
    createDataTable(
      [
        { label: '#', numeric: true },
        'Service',
        { label: 'Cost', numeric: true },
        { label: 'Cross-service edges', numeric: true },
        { label: 'Shared tables', numeric: true },
        { label: 'Transactions', numeric: true },
        { label: 'Cycles', numeric: true },
      ],
      steps,
      (step) => {
        const position = index.serviceIndex.get(step.service);
        return h(
          'tr',
          null,
          td(step.rank),
          td(position === undefined ? step.service : createServiceLink(position, index.analysis.services[position]!.name)),
          td(formatRatio(step.cost, Number.isInteger(step.cost) ? 0 : 1), 'num'),
          td(step.crossServiceEdges),
          td(step.sharedTables),
          td(step.crossServiceTransactions),
          td(step.cycles),
        );
      },
      { pageSize: 50 },
    ),
  );
}

function createCard(label: string, value: string, title?: string): HTMLElement {
  return h('div', { class: 'card', title }, h('div', { class: 'card-value' }, value), h('div', { class: 'card-label' }, label));
}
