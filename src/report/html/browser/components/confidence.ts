import { h } from '../dom.js';
import { formatPercent } from '../format.js';

/** A small bar and the percentage: high confidence green, low amber. */
export function createConfidence(value: number): HTMLElement {
  const level = value >= 0.8 ? 'high' : value >= 0.5 ? 'medium' : 'low';
  return h(
    'span',
    { class: `confidence ${level}`, title: `confidence ${value}` },
    h('span', { class: 'bar' }, h('span', { class: 'fill', style: `width:${Math.round(Math.max(0, Math.min(1, value)) * 100)}%` })),
    formatPercent(value),
  );
}
