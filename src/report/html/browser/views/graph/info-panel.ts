import { getGroupColor } from '../../colors.js';
import { createCappedList } from '../../components/capped-list.js';
import { createConfidence } from '../../components/confidence.js';
import { createBadge, createLink, createServiceLink } from '../../components/links.js';
import { h } from '../../dom.js';
import { formatCount, formatLocation, pluralize } from '../../format.js';
import { type GroupKey, getGroupFiles, getGroupName, type ReportIndex } from '../../report-index.js';

/** What the side panel shows for a service node (before drilling in). */
export function renderServiceInfo(index: ReportIndex, position: number): HTMLElement {
  const service = index.analysis.services[position]!;
  const out = index.analysis.dependencies.filter((dependency) => dependency.from === service.id);
  const incoming = index.analysis.dependencies.filter((dependency) => dependency.to === service.id);
  return h(
    'div',
    { class: 'node-info' },
    h('h3', null, swatch(position), service.name),
    h('p', null, `${pluralize(service.size, 'file')} · `, createConfidence(service.confidence)),
    h('p', null, `Depends on ${pluralize(out.length, 'service')}; used by ${pluralize(incoming.length, 'service')}.`),
    service.tables.length > 0 ? h('p', null, 'Tables: ', service.tables.join(', ')) : null,
    h('p', null, createLink({ view: 'graph', level: 'group', group: position }, 'Show its files'), ' · ', createServiceLink(position, 'Service page')),
  );
}

/** The panel of a drilled-in group: its files (click one to focus it) and its border crossings. */
export function renderGroupInfo(index: ReportIndex, group: GroupKey, crossings: { outgoing: number; incoming: number }, onFile: (file: number) => void): HTMLElement {
  const files = getGroupFiles(index, group);
  return h(
    'div',
    { class: 'node-info group-info' },
    h('h3', null, typeof group === 'number' ? swatch(group) : null, getGroupName(index, group)),
    h('p', null, `${pluralize(files.length, 'file')}; ${formatCount(crossings.outgoing)} dependencies out, ${formatCount(crossings.incoming)} in.`),
    typeof group === 'number' ? h('p', null, createServiceLink(group, 'Service page →')) : null,
    h('h4', null, 'Files'),
    createCappedList(
      files,
      (file) =>
        h(
          'li',
          null,
          h(
            'button',
            { type: 'button', class: 'link-button file-item', 'data-file': String(file), onclick: () => onFile(file) },
            index.analysis.files[file]!.path,
          ),
        ),
      { className: 'plain files', pageSize: 100 },
    ),
  );
}

export function renderFileInfo(index: ReportIndex, position: number, onFile: (file: number) => void): HTMLElement {
  const file = index.analysis.files[position]!;
  const group = index.groupOf[position]!;
  const outgoing = (index.edgesOf[position] ?? []).map((edge) => index.analysis.edges[edge]!).filter((edge) => edge.from === file.path);
  const incoming = (index.edgesOf[position] ?? []).map((edge) => index.analysis.edges[edge]!).filter((edge) => edge.to === file.path);
  const fileButton = (path: string, line?: number) => {
    const target = index.fileIndex.get(path);
    const label = line ? `${path} (line ${line})` : path;
    return target === undefined ? h('code', null, label) : h('button', { type: 'button', class: 'link-button', onclick: () => onFile(target) }, label);
  };
  return h(
    'div',
    { class: 'node-info file-info' },
    h('h3', { class: 'path' }, file.path),
    h(
      'p',
      null,
      h('span', { class: 'swatch', style: `background:${getGroupColor(group)}` }),
      typeof group === 'number' ? createServiceLink(group, getGroupName(index, group)) : getGroupName(index, group),
      ' · ',
      createConfidence(file.confidence),
      ' · ',
      createBadge(file.placement, 'placement', 'How the file was placed'),
    ),
    h('p', null, `${pluralize(file.lines, 'line')}, used by ${pluralize(file.fanIn, 'file')}, uses ${pluralize(file.fanOut, 'file')}.`),
    h('p', null, createLink({ view: 'graph', level: 'group', group, file: position }, `Show among the files of ${getGroupName(index, group)}`)),
    file.tables.length > 0
      ? h('p', null, 'Tables: ', file.tables.map((table, i) => [i > 0 ? ', ' : null, h('code', null, table.name), ` ${table.access.join('/')}`]))
      : null,
    h('h4', null, `Uses (${formatCount(outgoing.length)})`),
    createCappedList(outgoing, (edge) => h('li', null, fileButton(edge.to), ` ${edge.kinds.join(', ')} at line ${edge.line}`), { className: 'plain', pageSize: 50, empty: 'Nothing.' }),
    h('h4', null, `Used by (${formatCount(incoming.length)})`),
    createCappedList(incoming, (edge) => h('li', null, fileButton(edge.from, edge.line), ` ${edge.kinds.join(', ')}`), { className: 'plain', pageSize: 50, empty: 'Nothing.' }),
  );
}

export function renderTableInfo(index: ReportIndex, position: number): HTMLElement {
  const table = index.analysis.tables[position]!;
  const accesses = index.analysis.dataAccesses.filter((access) => access.table === table.name);
  return h(
    'div',
    { class: 'node-info table-info' },
    h('h3', null, table.name, ' ', table.shared ? createBadge('shared', 'shared') : null),
    h('p', null, `Owner: ${table.owner === null ? '(none)' : serviceName(index, table.owner)}`),
    h(
      'ul',
      { class: 'plain' },
      table.accessors.map((accessor) =>
        h('li', null, h('strong', null, accessor.service === null ? '(no service)' : serviceName(index, accessor.service)), ` ${formatCount(accessor.reads)} reads, ${formatCount(accessor.writes)} writes`),
      ),
    ),
    createCappedList(accesses, (access) => h('li', null, h('code', null, formatLocation(access.file, access.line)), ` ${access.access} via ${access.via}`), {
      className: 'plain',
      pageSize: 30,
      empty: 'No access locations.',
    }),
  );
}

function serviceName(index: ReportIndex, id: string): string {
  const position = index.serviceIndex.get(id);
  return position === undefined ? id : index.analysis.services[position]!.name;
}

function swatch(position: number): HTMLElement {
  return h('span', { class: 'swatch', style: `background:${getGroupColor(position)}` });
}
