import Sigma from 'sigma';
import { COLORS } from '../../colors.js';
import { createLink } from '../../components/links.js';
import { h, replaceChildren } from '../../dom.js';
import { getGroupName, type ReportIndex } from '../../report-index.js';
import { navigate, type Route } from '../../router.js';
import { buildFilesGraph } from './build-files-graph.js';
import { buildGroupGraph } from './build-group-graph.js';
import { buildServiceGraph } from './build-service-graph.js';
import type { EdgeAttributes, NodeAttributes, ReportGraph } from './graph-types.js';
import { renderFileInfo, renderGroupInfo, renderServiceInfo, renderTableInfo } from './info-panel.js';
import { renderLegend } from './legend.js';
import { createSearchBox, type SearchHit } from './search-box.js';

export type GraphRoute = Extract<Route, { view: 'graph' }>;

export interface GraphView {
  element: HTMLElement;
  /** Draws the level the route names; call after the element is displayed (sigma measures it). */
  show(route: GraphRoute): void;
  /** Viewport position of the node with this name (service name, table name or file path) in the current graph, relative to the canvas. */
  locate(name: string): { x: number; y: number } | null;
  getFocusedName(): string | null;
}

/**
 * The graph: sigma.js (WebGL) on graphology, with positions from the layout computed in Node.
 * Three levels: services (default), one group's files with its border crossings, and every file.
 */
export function createGraphView(index: ReportIndex): GraphView {
  const canvas = h('div', { class: 'graph-canvas', 'data-testid': 'graph-canvas' });
  const toolbar = h('div', { class: 'graph-toolbar' });
  const panel = h('div', { class: 'info-slot' });
  const legend = h('div', { class: 'legend-slot' });
  const search = createSearchBox(index, (hit) => navigate(toRoute(index, hit)));
  const element = h('section', { class: 'view graph-view' }, h('div', { class: 'graph-main' }, toolbar, canvas), h('aside', { class: 'graph-side' }, search, panel, legend));

  const graphs = new Map<string, ReportGraph>();
  let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
  let graph: ReportGraph | null = null;
  let level: GraphRoute['level'] = 'services';
  let currentKey = '';
  let defaultPanel: () => HTMLElement = () => h('div');
  let hovered: string | null = null;
  let focused: string | null = null;
  let near = new Set<string>();

  const getActive = () => hovered ?? focused;
  const updateNear = () => {
    const active = getActive();
    near = active && graph?.hasNode(active) ? new Set(graph.neighbors(active)) : new Set();
  };

  const createRenderer = (initial: ReportGraph) => {
    const created = new Sigma<NodeAttributes, EdgeAttributes>(initial, canvas, {
      allowInvalidContainer: true,
      renderEdgeLabels: false,
      defaultEdgeType: 'line',
      labelFont: 'system-ui, -apple-system, "Segoe UI", sans-serif',
      labelSize: 12,
      labelColor: { color: '#1f2933' },
      labelDensity: 0.6,
      labelGridCellSize: 120,
      zIndex: true,
      stagePadding: 40,
      minCameraRatio: 0.01,
      maxCameraRatio: 5,
      nodeReducer: (node, data) => {
        const active = getActive();
        if (!active) return data;
        if (node === active) return { ...data, highlighted: true, zIndex: 2 };
        if (near.has(node)) return { ...data, zIndex: 1 };
        return { ...data, color: COLORS.dim, label: '', zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        const active = getActive();
        if (!active || !graph) return data;
        const [source, target] = graph.extremities(edge);
        return source === active || target === active ? { ...data, zIndex: 1 } : { ...data, color: COLORS.dim, zIndex: 0 };
      },
    });
    created.on('enterNode', ({ node }) => {
      hovered = node;
      updateNear();
      canvas.style.cursor = 'pointer';
      created.refresh({ skipIndexation: true });
    });
    created.on('leaveNode', () => {
      hovered = null;
      updateNear();
      canvas.style.cursor = '';
      created.refresh({ skipIndexation: true });
    });
    created.on('clickNode', ({ node }) => onNodeClick(node));
    created.on('clickStage', () => focus(null));
    return created;
  };

  const onNodeClick = (node: string) => {
    if (!graph) return;
    const attributes = graph.getNodeAttributes(node);
    if (attributes.kind === 'service' && typeof attributes.ref === 'number') navigate({ view: 'graph', level: 'group', group: attributes.ref });
    else if (attributes.kind === 'kernel') navigate({ view: 'graph', level: 'group', group: 'kernel' });
    else if (attributes.kind === 'unassigned') navigate({ view: 'graph', level: 'group', group: 'unassigned' });
    else focus(node);
  };

  const focus = (node: string | null, zoom = false) => {
    focused = node && graph?.hasNode(node) ? node : null;
    updateNear();
    renderer?.refresh({ skipIndexation: true });
    if (!focused || !graph || !renderer) {
      replaceChildren(panel, defaultPanel());
      return;
    }
    const attributes = graph.getNodeAttributes(focused);
    const ref = attributes.ref;
    if (attributes.kind === 'file' && typeof ref === 'number') replaceChildren(panel, renderFileInfo(index, ref, (file) => focus(`f${file}`, true)));
    else if (attributes.kind === 'table' && typeof ref === 'number') replaceChildren(panel, renderTableInfo(index, ref));
    else if (attributes.kind === 'service' && typeof ref === 'number') replaceChildren(panel, renderServiceInfo(index, ref));
    if (zoom) {
      const display = renderer.getNodeDisplayData(focused);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: level === 'services' ? 0.6 : 0.25 }, { duration: 400 });
    }
  };

  const load = (route: GraphRoute) => {
    const key = route.level === 'group' ? `group:${route.group}` : route.level;
    level = route.level;
    if (key === currentKey && renderer) {
      renderer.resize();
      return;
    }
    currentKey = key;
    let next = graphs.get(key);
    if (!next) {
      next = route.level === 'services' ? buildServiceGraph(index) : route.level === 'files' ? buildFilesGraph(index) : buildGroupGraph(index, route.group);
      graphs.set(key, next);
    }
    graph = next;
    hovered = null;
    focused = null;
    near = new Set();
    if (renderer) renderer.setGraph(next);
    else renderer = createRenderer(next);
    renderer.setSetting('labelRenderedSizeThreshold', route.level === 'services' ? 0 : 7);
    renderer.setSetting('hideEdgesOnMove', next.size > 20_000);
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    renderToolbar(route);
    replaceChildren(legend, renderLegend(index, route.level));
    defaultPanel = () => getDefaultPanel(route);
    replaceChildren(panel, defaultPanel());
    // Tests and timings wait for this mark: the first frame drawn with the new graph.
    canvas.removeAttribute('data-rendered');
    renderer.once('afterRender', () => canvas.setAttribute('data-rendered', 'true'));
    renderer.scheduleRender();
  };

  const getDefaultPanel = (route: GraphRoute): HTMLElement => {
    if (route.level === 'group') {
      let outgoing = 0;
      let incoming = 0;
      graph?.forEachEdge((_edge, attributes) => {
        if (attributes.kind === 'outgoing') outgoing++;
        else if (attributes.kind === 'incoming') incoming++;
      });
      return renderGroupInfo(index, route.group, { outgoing, incoming }, (file) => focus(`f${file}`, true));
    }
    return h('div', { class: 'node-info' }, h('p', { class: 'muted' }, route.level === 'services' ? 'Click a service to see its files.' : 'Click a file to see its dependencies.'));
  };

  const renderToolbar = (route: GraphRoute) => {
    const button = (label: string, target: GraphRoute, pressed: boolean) =>
      h('button', { type: 'button', class: 'toggle', 'aria-pressed': String(pressed), onclick: () => navigate(target) }, label);
    replaceChildren(
      toolbar,
      button('Services', { view: 'graph', level: 'services' }, route.level === 'services'),
      button('All files', { view: 'graph', level: 'files' }, route.level === 'files'),
      route.level === 'group' ? h('span', { class: 'crumb' }, '› ', h('strong', null, getGroupName(index, route.group))) : null,
      route.level === 'group' && typeof route.group === 'number' ? createLink({ view: 'service', service: route.group }, 'service page', 'crumb-link') : null,
    );
  };

  return {
    element,
    show(route) {
      load(route);
      if (route.level === 'group' && route.file !== undefined) focus(`f${route.file}`, true);
      else if (route.level === 'services' && route.table !== undefined) focus(findTableNode(index, graph, route.table), true);
      else if (route.level === 'services' && route.service !== undefined) focus(`s${route.service}`, true);
      if (route.level === 'services' && route.table !== undefined && focused?.startsWith('s')) {
        replaceChildren(panel, renderTableInfo(index, route.table));
      }
    },
    locate(name) {
      if (!graph || !renderer) return null;
      const node = graph.findNode((_node, attributes) => attributes.name === name);
      if (!node) return null;
      const point = renderer.graphToViewport(graph.getNodeAttributes(node));
      return { x: point.x, y: point.y };
    },
    getFocusedName() {
      return focused && graph?.hasNode(focused) ? graph.getNodeAttribute(focused, 'name') : null;
    },
  };
}

/** A table is a node only when shared (and among the busiest); otherwise focus its owner, or its first accessor. */
function findTableNode(index: ReportIndex, graph: ReportGraph | null, table: number): string | null {
  if (graph?.hasNode(`t${table}`)) return `t${table}`;
  const entry = index.analysis.tables[table];
  const service = entry?.owner ?? entry?.accessors.find((accessor) => accessor.service !== null)?.service ?? null;
  const position = service === null ? undefined : index.serviceIndex.get(service);
  return position === undefined ? null : `s${position}`;
}

function toRoute(index: ReportIndex, hit: SearchHit): Route {
  if (hit.kind === 'service') return { view: 'graph', level: 'services', service: hit.position };
  if (hit.kind === 'table') return { view: 'graph', level: 'services', table: hit.position };
  return { view: 'graph', level: 'group', group: index.groupOf[hit.position]!, file: hit.position };
}
