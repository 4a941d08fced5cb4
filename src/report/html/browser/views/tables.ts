import type { Table, TableAccessor } from '../../../../types.js';
import { fillCapped } from '../components/capped-list.js';
import { createBadge, createLink, createServiceLink } from '../components/links.js';
import { h } from '../dom.js';
import { formatCount, formatLocation } from '../format.js';
import type { ReportIndex } from '../report-index.js';

/**
 * Table × service matrix: R read, W write, RW both, ★ the owner. Shared tables first (they are the
 * coupling a split must resolve), then by name. A row's name opens who accesses it and where.
 */
export function renderTables(index: ReportIndex): HTMLElement {
  const { analysis } = index;
  const rows = analysis.tables
    .map((table, position) => ({ table, position }))
    .sort((a, b) => Number(b.table.shared) - Number(a.table.shared) || compare(a.table.name, b.table.name));
  // One column per service that touches a table (services without data access would only add empty columns).
  const touching = new Set(analysis.tables.flatMap((table) => table.accessors.map((accessor) => accessor.service)));
  const columns: (string | null)[] = [...analysis.services.map((service) => service.id).filter((id) => touching.has(id)), ...(touching.has(null) ? [null] : [])];
  const head = h(
    'tr',
    null,
    h('th', { class: 'sticky' }, 'Table'),
    h('th', null, 'Owner'),
    columns.map((id) => {
      const position = id === null ? undefined : index.serviceIndex.get(id);
      return h('th', { class: 'service-column', title: id ?? 'files outside any service' }, position === undefined ? '(no service)' : createServiceLink(position, analysis.services[position]!.name));
    }),
  );
  const body = h('tbody');
  const more = fillCapped(body, rows, ({ table, position }) => renderRow(index, table, position, columns), 200);
  const shared = rows.filter(({ table }) => table.shared).length;
  return h(
    'section',
    { class: 'view tables-view' },
    h('h1', null, 'Tables × services'),
    h(
      'p',
      { class: 'muted' },
      `${formatCount(analysis.tables.length)} tables, ${formatCount(shared)} shared. R read, W write, RW both; ★ marks the owner. Click a table for its accesses.`,
    ),
    rows.length === 0
      ? h('p', { class: 'empty' }, 'No data access was found (no supported ORM or SQL usage detected).')
      : h('div', { class: 'capped' }, h('div', { class: 'table-scroll matrix-scroll' }, h('table', { class: 'data matrix' }, h('thead', null, head), body)), more),
  );
}

function renderRow(index: ReportIndex, table: Table, position: number, columns: (string | null)[]): Node {
  let details: HTMLTableRowElement | null = null;
  const toggle = h('button', { type: 'button', class: 'link-button table-name', 'aria-expanded': 'false', title: table.name }, table.name);
  const row = h(
    'tr',
    { class: table.shared ? 'shared' : undefined, 'data-table': String(position) },
    h('td', { class: 'sticky' }, toggle, table.shared ? createBadge('shared', 'shared') : null, table.kind === 'collection' ? createBadge('collection', 'kind') : null),
    h('td', null, getOwnerName(index, table.owner)),
    columns.map((id) => {
      const accessor = table.accessors.find((candidate) => candidate.service === id);
      const mark = accessor ? toMark(accessor) : '';
      const owner = id !== null && table.owner === id;
      return h('td', { class: `cell ${mark ? `access-${mark.toLowerCase()}` : 'none'}`, title: accessor ? `${accessor.reads} reads, ${accessor.writes} writes` : undefined }, mark ? `${mark}${owner ? ' ★' : ''}` : '·');
    }),
  );
  toggle.addEventListener('click', () => {
    if (details) {
      details.remove();
      details = null;
      toggle.setAttribute('aria-expanded', 'false');
      return;
    }
    details = h('tr', { class: 'details' }, h('td', { colspan: String(columns.length + 2) }, renderDetails(index, table, position)));
    row.after(details);
    toggle.setAttribute('aria-expanded', 'true');
  });
  return row;
}

function renderDetails(index: ReportIndex, table: Table, position: number): HTMLElement {
  const accesses = index.analysis.dataAccesses.filter((access) => access.table === table.name);
  return h(
    'div',
    { class: 'table-details' },
    table.declaredIn.length > 0 ? h('p', null, 'Declared in ', table.declaredIn.map((location, i) => [i > 0 ? ', ' : null, h('code', null, formatLocation(location.file, location.line))])) : null,
    h(
      'ul',
      { class: 'plain' },
      table.accessors.map((accessor) =>
        h(
          'li',
          null,
          h('strong', null, getOwnerName(index, accessor.service)),
          ` — ${toMark(accessor)}, ${formatCount(accessor.reads)} reads, ${formatCount(accessor.writes)} writes in ${formatCount(accessor.files.length)} files`,
        ),
      ),
    ),
    accesses.length > 0
      ? h('ul', { class: 'plain accesses' }, accesses.slice(0, 100).map((access) => h('li', null, h('code', null, formatLocation(access.file, access.line)), ` ${access.access} via ${access.via}`)))
      : null,
    accesses.length > 100 ? h('p', { class: 'muted' }, `… ${formatCount(accesses.length - 100)} more accesses in seams.json`) : null,
    createLink({ view: 'graph', level: 'services', table: position }, 'Show in the graph →'),
  );
}

function getOwnerName(index: ReportIndex, id: string | null): string {
  if (id === null) return '(no service)';
  const position = index.serviceIndex.get(id);
  return position === undefined ? id : index.analysis.services[position]!.name;
}

function toMark(accessor: TableAccessor): string {
  return `${accessor.reads > 0 ? 'R' : ''}${accessor.writes > 0 ? 'W' : ''}` || 'R';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
