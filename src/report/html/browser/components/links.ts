import { h } from '../dom.js';
import { type Route, toHash } from '../router.js';

/** A link inside the page; its href is built from indices, never from analysed strings. */
export function createLink(route: Route, text: string, className?: string): HTMLAnchorElement {
  return h('a', { href: toHash(route), class: className }, text);
}

export function createServiceLink(index: number, name: string): HTMLAnchorElement {
  return createLink({ view: 'service', service: index }, name, 'service-link');
}

export function createBadge(text: string, className: string, title?: string): HTMLSpanElement {
  return h('span', { class: `badge ${className}`, title }, text);
}
