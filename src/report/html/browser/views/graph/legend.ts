import { COLORS, getServiceColor } from '../../colors.js';
import { MAX_MAP_EDGES } from './build-files-graph.js';
import { h } from '../../dom.js';
import type { ReportIndex } from '../../report-index.js';

const SERVICES_SHOWN = 12;

export function renderLegend(index: ReportIndex, level: 'services' | 'files' | 'group'): HTMLElement {
  const { services } = index.analysis;
  const nodes =
    level === 'services'
      ? [
          item('dot', getServiceColor(0), 'service (area = files)'),
          index.layout.kernel ? item('dot', COLORS.kernel, 'shared kernel') : null,
          index.layout.unassigned ? item('dot', COLORS.unassigned, 'unassigned files') : null,
          item('dot small', COLORS.table, 'shared table'),
        ]
      : [
          services.slice(0, SERVICES_SHOWN).map((service, position) => item('dot', getServiceColor(position), service.name)),
          services.length > SERVICES_SHOWN ? h('li', { class: 'muted' }, `… ${services.length - SERVICES_SHOWN} more services`) : null,
          index.layout.kernel ? item('dot', COLORS.kernel, 'shared kernel') : null,
          index.layout.unassigned ? item('dot', COLORS.unassigned, 'unassigned') : null,
        ];
  const edges =
    level === 'services'
      ? [
          item('line', COLORS.dependency, 'depends on (width = weight)'),
          item('line', COLORS.read, 'reads table'),
          item('line', COLORS.write, 'writes table'),
          item('line', COLORS.readWrite, 'reads and writes'),
        ]
      : level === 'group'
        ? [item('line', COLORS.inner, 'inside the group'), item('line', COLORS.outgoing, 'uses a file elsewhere'), item('line', COLORS.incoming, 'used from elsewhere')]
        : [item('line', COLORS.inner, 'inside a service, or to the kernel'), item('line', COLORS.outgoing, 'crosses services')];
  const hint =
    level === 'services'
      ? 'Click a service to see its files; hover to see its neighbours; scroll to zoom.'
      : level === 'group'
        ? 'Files elsewhere sit on the ring, toward their own service. Click a file for its dependencies.'
        : index.analysis.edges.length > MAX_MAP_EDGES
          ? 'Every file, coloured by service; only dependencies between services are drawn at this size (open a service for the rest). Click a file for its dependencies.'
          : 'Every file, coloured by service. Click a file for its dependencies.';
  return h('div', { class: 'legend' }, h('h4', null, 'Legend'), h('ul', { class: 'legend-items' }, nodes, edges), h('p', { class: 'muted' }, hint));
}

function item(shape: string, color: string, label: string): HTMLElement {
  return h('li', null, h('span', { class: `key ${shape}`, style: `background:${color}` }), label);
}
