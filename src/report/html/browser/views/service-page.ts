import type { ServiceDependency } from '../../../../types.js';
import { createCappedList, createDataTable, td } from '../components/capped-list.js';
import { createConfidence } from '../components/confidence.js';
import { createBadge, createLink, createServiceLink } from '../components/links.js';
import { h } from '../dom.js';
import { formatCount, formatRatio } from '../format.js';
import type { ReportIndex } from '../report-index.js';
import { getServiceColor } from '../colors.js';

/** Everything about one candidate service: files, tables, API surface, what it depends on and what depends on it. */
export function renderServicePage(index: ReportIndex, position: number): HTMLElement {
  const { analysis } = index;
  const service = analysis.services[position];
  if (!service) return h('section', { class: 'view' }, h('h1', null, 'No such service'), createLink({ view: 'overview' }, '← Overview'));
  const dependsOn = analysis.dependencies.filter((dependency) => dependency.from === service.id);
  const usedBy = analysis.dependencies.filter((dependency) => dependency.to === service.id);
  const files = (index.serviceFiles[position] ?? []).map((file) => analysis.files[file]!);
  const tables = getTableAccess(index, position);
  const metrics = service.metrics;
  return h(
    'section',
    { class: 'view service-page' },
    h('p', { class: 'crumbs' }, createLink({ view: 'overview' }, 'Overview'), ' › service'),
    h('h1', null, h('span', { class: 'swatch large', style: `background:${getServiceColor(position)}` }), service.name),
    service.id !== service.name ? h('p', { class: 'muted' }, 'id ', h('code', null, service.id)) : null,
    h(
      'div',
      { class: 'cards' },
      createStat('Files', formatCount(service.size)),
      createStat('Confidence', createConfidence(service.confidence)),
      createStat('Cohesion', formatRatio(metrics.cohesion)),
      createStat('Coupling', formatRatio(metrics.coupling, 1)),
      createStat('Depends on', formatCount(metrics.efferent)),
      createStat('Used by', formatCount(metrics.afferent)),
      createStat('Instability', formatRatio(metrics.instability, 2)),
    ),
    h('p', null, createLink({ view: 'graph', level: 'group', group: position }, 'Show its files in the graph →')),
    h('div', { class: 'two-columns' }, renderDependencies(index, 'Depends on', dependsOn, 'to'), renderDependencies(index, 'Depended on by', usedBy, 'from')),
    h('h2', null, `Tables (${formatCount(tables.length)})`),
    createDataTable(
      ['Table', 'Access', 'Owner', ''],
      tables,
      (row) =>
        h(
          'tr',
          null,
          td(createLink({ view: 'graph', level: 'services', table: row.position }, row.name)),
          td(row.access),
          td(row.owner === null ? '(none)' : row.owner === service.id ? 'this service' : ownerName(index, row.owner)),
          td(row.shared ? createBadge('shared', 'shared') : ''),
        ),
      { empty: 'This service reads and writes no table.' },
    ),
    h('h2', null, `API surface (${formatCount(service.apiSurface.length)})`),
    h('p', { class: 'muted' }, 'Exported symbols of this service that other services use: its future interface.'),
    createDataTable(
      ['Symbol', 'File', 'Used by'],
      service.apiSurface,
      (entry) =>
        h(
          'tr',
          null,
          td(h('code', null, entry.symbol)),
          td(h('code', null, entry.file)),
          td(h('span', null, entry.usedBy.map((id, i) => [i > 0 ? ', ' : null, serviceLinkOrName(index, id)]))),
        ),
      { empty: 'No other service uses this service’s exports.' },
    ),
    h('h2', null, `Files (${formatCount(files.length)})`),
    createDataTable(
      ['File', { label: 'Lines', numeric: true }, 'Confidence', 'Placement', { label: 'Fan-in', numeric: true }, { label: 'Fan-out', numeric: true }, 'Tables'],
      files,
      (file) =>
        h(
          'tr',
          null,
          td(createLink({ view: 'graph', level: 'group', group: position, file: index.fileIndex.get(file.path) }, file.path, 'file-link')),
          td(formatCount(file.lines), 'num'),
          td(createConfidence(file.confidence)),
          td(file.placement),
          td(formatCount(file.fanIn), 'num'),
          td(formatCount(file.fanOut), 'num'),
          td(file.tables.map((table) => `${table.name} (${table.access.map((a) => a[0]!.toUpperCase()).join('')})`).join(', ')),
        ),
    ),
    service.topFiles.length > 0 ? h('h2', null, 'Most central files') : null,
    service.topFiles.length > 0 ? createCappedList(service.topFiles, (file) => h('li', null, h('code', null, file)), { className: 'plain' }) : null,
  );
}

function renderDependencies(index: ReportIndex, title: string, dependencies: ServiceDependency[], side: 'from' | 'to'): HTMLElement {
  return h(
    'div',
    null,
    h('h2', null, `${title} (${formatCount(dependencies.length)})`),
    createDataTable(
      ['Service', { label: 'Edges', numeric: true }, { label: 'Weight', numeric: true }, 'Kinds'],
      dependencies,
      (dependency) =>
        h(
          'tr',
          null,
          td(serviceLinkOrName(index, dependency[side])),
          td(formatCount(dependency.edges), 'num'),
          td(formatRatio(dependency.weight, 1), 'num'),
          td(
            Object.entries(dependency.kinds)
              .map(([kind, count]) => `${kind} ${count}`)
              .join(', '),
          ),
        ),
      { empty: side === 'to' ? 'Uses no other service.' : 'No other service uses it.' },
    ),
  );
}

interface TableRow {
  name: string;
  position: number;
  access: string;
  owner: string | null;
  shared: boolean;
}

function getTableAccess(index: ReportIndex, position: number): TableRow[] {
  const service = index.analysis.services[position]!;
  return service.tables.map((name) => {
    const tablePosition = index.tableIndex.get(name);
    const table = tablePosition === undefined ? undefined : index.analysis.tables[tablePosition];
    const accessor = table?.accessors.find((candidate) => candidate.service === service.id);
    const access = accessor ? `${accessor.reads > 0 ? 'R' : ''}${accessor.writes > 0 ? 'W' : ''}` : '';
    return { name, position: tablePosition ?? -1, access: access || '—', owner: table?.owner ?? null, shared: table?.shared ?? false };
  });
}

function serviceLinkOrName(index: ReportIndex, id: string): Node | string {
  const position = index.serviceIndex.get(id);
  return position === undefined ? id : createServiceLink(position, index.analysis.services[position]!.name);
}

function ownerName(index: ReportIndex, id: string): string {
  const position = index.serviceIndex.get(id);
  return position === undefined ? id : index.analysis.services[position]!.name;
}

function createStat(label: string, value: Node | string): HTMLElement {
  return h('div', { class: 'card' }, h('div', { class: 'card-value' }, value), h('div', { class: 'card-label' }, label));
}
