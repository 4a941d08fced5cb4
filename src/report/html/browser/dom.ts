/**
 * The only way this page makes elements. Text always goes in as text nodes; attributes are set
 * through the DOM; `on*` props must be functions. Nothing here parses a string as markup, so a
 * file called `<img src=x onerror=…>` shows up as those characters.
 */
export type Child = Node | string | number | null | undefined | false;
/** Children nest freely; arrays are flattened. */
export type Children = Child | readonly Children[];

type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | Handler | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Children[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) {
      if (typeof value !== 'function') throw new Error(`h: ${name} must be a function`);
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (typeof value === 'function') {
      throw new Error(`h: ${name} cannot be a function`);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Children[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...(child as readonly Children[]));
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : (child as Node));
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function replaceChildren(element: Element, ...children: Children[]): void {
  clear(element);
  append(element, ...children);
}
