import { h } from '../dom.js';
import { formatCount } from '../format.js';

export const PAGE_SIZE = 200;

/**
 * Fills `container` with items a page at a time and returns the "show more" button that adds
 * the next page (hidden once all are shown), so a list of 20,000 files costs one page until
 * someone asks for more.
 */
export function fillCapped<T>(container: HTMLElement, items: readonly T[], renderItem: (item: T, index: number) => Node, pageSize = PAGE_SIZE): HTMLButtonElement {
  const more = h('button', { type: 'button', class: 'show-more' });
  let shown = 0;
  const showNext = () => {
    const end = Math.min(items.length, shown + pageSize);
    const fragment = document.createDocumentFragment();
    for (let i = shown; i < end; i++) fragment.appendChild(renderItem(items[i]!, i));
    container.appendChild(fragment);
    shown = end;
    const left = items.length - shown;
    more.hidden = left === 0;
    more.textContent = `Show ${formatCount(Math.min(pageSize, left))} more (${formatCount(left)} not shown)`;
  };
  more.addEventListener('click', showNext);
  showNext();
  return more;
}

/** A list (ul) of items, capped. */
export function createCappedList<T>(items: readonly T[], renderItem: (item: T, index: number) => Node, options: { className?: string; empty?: string; pageSize?: number } = {}): HTMLElement {
  if (items.length === 0) return h('p', { class: 'empty' }, options.empty ?? 'None.');
  const list = h('ul', { class: options.className });
  const more = fillCapped(list, items, renderItem, options.pageSize);
  return h('div', { class: 'capped' }, list, more);
}

export type Header = string | { label: string; title?: string; numeric?: boolean };

/** A table whose rows are capped. */
export function createDataTable<T>(
  headers: Header[],
  rows: readonly T[],
  renderRow: (row: T, index: number) => HTMLTableRowElement,
  options: { className?: string; empty?: string; pageSize?: number } = {},
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, options.empty ?? 'None.');
  const head = h(
    'tr',
    null,
    headers.map((header) =>
      typeof header === 'string' ? h('th', null, header) : h('th', { title: header.title, class: header.numeric ? 'num' : undefined }, header.label),
    ),
  );
  const body = h('tbody');
  const table = h('table', { class: `data ${options.className ?? ''}`.trim() }, h('thead', null, head), body);
  const more = fillCapped(body, rows, renderRow, options.pageSize);
  return h('div', { class: 'capped' }, h('div', { class: 'table-scroll' }, table), more);
}

/** A table cell; numbers right-aligned. */
export function td(content: Node | string | number, className?: string): HTMLTableCellElement {
  return h('td', { class: className ?? (typeof content === 'number' ? 'num' : undefined) }, content);
}
