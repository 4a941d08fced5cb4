import { h } from '../dom.js';
import { formatCount, formatRatio } from '../format.js';
import type { ReportIndex } from '../report-index.js';
import { createDataTable, td } from './capped-list.js';
import { createConfidence } from './confidence.js';
import { createServiceLink } from './links.js';
import { getServiceColor } from '../colors.js';

export function createServicesTable(index: ReportIndex): HTMLElement {
  const { services } = index.analysis;
  return createDataTable(
    [
      'Service',
      { label: 'Files', numeric: true },
      { label: 'Confidence', title: 'How consistently its files land together across clustering seeds' },
      { label: 'Tables', numeric: true },
      { label: 'Cohesion', numeric: true, title: 'Share of its files’ dependency weight that stays inside the service' },
      { label: 'Coupling', numeric: true, title: 'Dependency weight that crosses to other services' },
      { label: 'Depends on', numeric: true, title: 'Services it uses (efferent)' },
      { label: 'Used by', numeric: true, title: 'Services that use it (afferent)' },
      { label: 'Instability', numeric: true, title: 'efferent / (efferent + afferent)' },
    ],
    services,
    (service, position) =>
      h(
        'tr',
        null,
        td(h('span', null, h('span', { class: 'swatch', style: `background:${getServiceColor(position)}` }), createServiceLink(position, service.name))),
        td(formatCount(service.size), 'num'),
        td(createConfidence(service.confidence)),
        td(formatCount(service.tables.length), 'num'),
        td(formatRatio(service.metrics.cohesion), 'num'),
        td(formatRatio(service.metrics.coupling, 1), 'num'),
        td(formatCount(service.metrics.efferent), 'num'),
        td(formatCount(service.metrics.afferent), 'num'),
        td(formatRatio(service.metrics.instability, 2), 'num'),
      ),
    { empty: 'No candidate services.' },
  );
}
