/**
 * JSX that makes real DOM nodes (in the manner of dom-chef, which Refined GitHub uses): the content
 * script draws small hints inside closed shadow roots and does not need React's ~60 KB. Text always
 * becomes text nodes; no HTML string is ever parsed. Files opt in with
 * `/** @jsxImportSource @/entrypoints/portal.content/jsx *\/`.
 */
type Child = Node | string | number | boolean | null | undefined | readonly Child[];
type Props = Record<string, unknown> & { children?: Child };

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Properties rather than attributes: a checkbox's state, an input's current value. */
const PROPERTIES = new Set(['checked', 'value', 'disabled', 'tabIndex']);

export function jsx(type: string | ((props: Props) => Node), props: Props): Node {
  if (typeof type === 'function') return type(props);
  const el = document.createElement(type);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (name === 'ref' && typeof value === 'function') {
      (value as (el: HTMLElement) => void)(el);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(el.style, value);
    } else if (PROPERTIES.has(name)) {
      (el as unknown as Record<string, unknown>)[name] = value;
    } else {
      el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  }
  append(el, props.children);
  return el;
}

export const jsxs = jsx;

export function Fragment(props: Props): Node {
  const fragment = document.createDocumentFragment();
  append(fragment, props.children);
  return fragment;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace JSX {
  export type Element = HTMLElement;
  export interface IntrinsicElements {
    [tag: string]: Record<string, unknown>;
  }
  export interface ElementChildrenAttribute {
    children: unknown;
  }
}
