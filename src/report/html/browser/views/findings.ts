import type { Finding } from '../../../../types.js';
import { fillCapped } from '../components/capped-list.js';
import { createBadge, createServiceLink } from '../components/links.js';
import { h, replaceChildren } from '../dom.js';
import { formatCount, formatLocation } from '../format.js';
import type { ReportIndex } from '../report-index.js';
import { SEVERITIES } from './overview.js';

const LOCATIONS_SHOWN = 5;

export interface FindingsView {
  element: HTMLElement;
  /** Sets the severity filter (from a link such as #/findings/high). */
  setSeverity(severity: string | undefined): void;
}

/** The findings with filters by kind, severity and service; the list re-renders on each change. */
export function createFindingsView(index: ReportIndex): FindingsView {
  const { findings, services } = index.analysis;
  const kinds = [...new Set(findings.map((finding) => finding.kind))].sort(compare);
  const kind = createSelect('kind', 'Kind', [['', 'any kind'], ...kinds.map((value): [string, string] => [value, value])]);
  const severity = createSelect('severity', 'Severity', [
    ['', 'any severity'],
    ...SEVERITIES.map((value): [string, string] => [value, `${value} (${formatCount(findings.filter((f) => f.severity === value).length)})`]),
  ]);
  const service = createSelect('service', 'Service', [['', 'any service'], ...services.map((s, i): [string, string] => [String(i), s.name])]);
  const count = h('p', { class: 'result-count', 'aria-live': 'polite' });
  const list = h('div', { class: 'findings-list' });

  const update = () => {
    const serviceId = service.select.value === '' ? undefined : services[Number(service.select.value)]?.id;
    const shown = findings.filter(
      (finding) =>
        (kind.select.value === '' || finding.kind === kind.select.value) &&
        (severity.select.value === '' || finding.severity === severity.select.value) &&
        (serviceId === undefined || finding.services.includes(serviceId)),
    );
    count.textContent = `${formatCount(shown.length)} of ${formatCount(findings.length)} findings`;
    const items = h('ol', { class: 'findings' });
    const more = fillCapped(items, shown, (finding) => renderFinding(index, finding), 100);
    replaceChildren(list, shown.length > 0 ? items : h('p', { class: 'empty' }, findings.length === 0 ? 'No findings.' : 'No finding matches these filters.'), more);
  };
  for (const control of [kind, severity, service]) control.select.addEventListener('change', update);
  update();

  const element = h(
    'section',
    { class: 'view findings-view' },
    h('h1', null, 'Findings'),
    h('div', { class: 'filters' }, kind.label, severity.label, service.label),
    count,
    list,
  );
  return {
    element,
    setSeverity(value) {
      const wanted = value && (SEVERITIES as string[]).includes(value) ? value : '';
      if (severity.select.value !== wanted) {
        severity.select.value = wanted;
        update();
      }
    },
  };
}

function renderFinding(index: ReportIndex, finding: Finding): HTMLElement {
  const locations = finding.locations.slice(0, LOCATIONS_SHOWN);
  return h(
    'li',
    { class: `finding ${finding.severity}`, 'data-severity': finding.severity, 'data-kind': finding.kind },
    h('div', { class: 'finding-head' }, createBadge(finding.severity, `severity ${finding.severity}`), h('span', { class: 'kind' }, finding.kind), h('span', { class: 'message' }, finding.message)),
    finding.services.length > 0
      ? h(
          'div',
          { class: 'finding-services' },
          'Services: ',
          finding.services.map((id, i) => {
            const position = index.serviceIndex.get(id);
            return [i > 0 ? ', ' : null, position === undefined ? id : createServiceLink(position, index.analysis.services[position]!.name)];
          }),
        )
      : null,
    locations.length > 0
      ? h(
          'ul',
          { class: 'locations' },
          locations.map((location) => h('li', null, h('code', null, formatLocation(location.file, location.line)))),
          finding.locations.length > LOCATIONS_SHOWN ? h('li', { class: 'muted' }, `… ${formatCount(finding.locations.length - LOCATIONS_SHOWN)} more`) : null,
        )
      : null,
    finding.evidence.length > 0 ? h('ul', { class: 'evidence' }, finding.evidence.map((line) => h('li', null, line))) : null,
    finding.suggestion ? h('p', { class: 'suggestion' }, h('strong', null, 'Suggestion: '), finding.suggestion) : null,
  );
}

function createSelect(name: string, label: string, options: [string, string][]): { label: HTMLLabelElement; select: HTMLSelectElement } {
  const select = h(
    'select',
    { name, 'data-filter': name },
    options.map(([value, text]) => h('option', { value }, text)),
  );
  return { label: h('label', null, `${label} `, select), select };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
