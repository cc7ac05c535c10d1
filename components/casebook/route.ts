/**
 * The case book's pages as hash routes (`casebook.html#/case/<id>`), so that a notification, the side panel
 * or a bookmark can open a page directly and the browser's back button works.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'table' }
  | { name: 'employee'; id: string }
  | { name: 'case'; id: string }
  | { name: 'calendar'; month?: string }
  | { name: 'reports' }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'print-quarter'; quarter: string }
  | { name: 'print-case'; id: string };

const ID = '([A-Za-z0-9_-]{1,64})';

/** The route of a location hash; anything unknown is the table. */
function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^employee/${ID}$`).exec(path))) return { name: 'employee', id: m[1] };
  if ((m = new RegExp(`^case/${ID}$`).exec(path))) return { name: 'case', id: m[1] };
  if ((m = /^calendar(?:\/(\d{4}-\d{2}))?$/.exec(path))) return { name: 'calendar', ...(m[1] ? { month: m[1] } : {}) };
  if (path === 'reports') return { name: 'reports' };
  if (path === 'import') return { name: 'import' };
  if (path === 'settings') return { name: 'settings' };
  if ((m = /^print\/quarter\/(\d{4}Q[1-4])$/.exec(path))) return { name: 'print-quarter', quarter: m[1] };
  if ((m = new RegExp(`^print/case/${ID}$`).exec(path))) return { name: 'print-case', id: m[1] };
  return { name: 'table' };
}

/** The hash of a route. */
export function href(route: Route): string {
  switch (route.name) {
    case 'table':
      return '#/';
    case 'employee':
      return `#/employee/${route.id}`;
    case 'case':
      return `#/case/${route.id}`;
    case 'calendar':
      return route.month ? `#/calendar/${route.month}` : '#/calendar';
    case 'print-quarter':
      return `#/print/quarter/${route.quarter}`;
    case 'print-case':
      return `#/print/case/${route.id}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/** The current route; follows `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
