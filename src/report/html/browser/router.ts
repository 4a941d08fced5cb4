import type { GroupKey } from './report-index.js';

/** Every view of the page has a hash route, so the back button and shared links work. Numbers are indices into the data. */
export type Route =
  | { view: 'overview' }
  | { view: 'graph'; level: 'services'; table?: number; service?: number }
  | { view: 'graph'; level: 'files' }
  | { view: 'graph'; level: 'group'; group: GroupKey; file?: number }
  | { view: 'tables' }
  | { view: 'findings'; severity?: string }
  | { view: 'service'; service: number }
  | { view: 'trend' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [view, a, b, c, d] = parts;
  const toIndex = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);
  switch (view) {
    case 'graph': {
      if (a === 'files') return { view: 'graph', level: 'files' };
      if (a === 'group' && b !== undefined) {
        const group: GroupKey | undefined = b === 'kernel' || b === 'unassigned' ? b : toIndex(b);
        if (group !== undefined) return { view: 'graph', level: 'group', group, file: c === 'file' ? toIndex(d) : undefined };
      }
      if (a === 'table') return { view: 'graph', level: 'services', table: toIndex(b) };
      if (a === 'service') return { view: 'graph', level: 'services', service: toIndex(b) };
      return { view: 'graph', level: 'services' };
    }
    case 'tables':
      return { view: 'tables' };
    case 'findings':
      return { view: 'findings', severity: a };
    case 'service': {
      const service = toIndex(a);
      return service === undefined ? { view: 'overview' } : { view: 'service', service };
    }
    case 'trend':
      return { view: 'trend' };
    default:
      return { view: 'overview' };
  }
}

export function toHash(route: Route): string {
  switch (route.view) {
    case 'graph':
      if (route.level === 'files') return '#/graph/files';
      if (route.level === 'group') return `#/graph/group/${route.group}${route.file === undefined ? '' : `/file/${route.file}`}`;
      if (route.table !== undefined) return `#/graph/table/${route.table}`;
      if (route.service !== undefined) return `#/graph/service/${route.service}`;
      return '#/graph';
    case 'findings':
      return route.severity ? `#/findings/${route.severity}` : '#/findings';
    case 'service':
      return `#/service/${route.service}`;
    default:
      return `#/${route.view}`;
  }
}

export function navigate(route: Route): void {
  const hash = toHash(route);
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
