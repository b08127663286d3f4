/**
 * The app's paths and the views they open: plain functions, apart from the router's
 * state, so that main.ts can tell which view a start opens on before any of the app's
 * code (Svelte's runtime included) has loaded.
 */

/** The views, by path. Paths are real URLs (history API), so reload and bookmarks work. */
export const ROUTES = {
  '/': 'today',
  '/dashboard': 'dashboard',
  '/clients': 'clients',
  '/history': 'history',
  '/segments': 'segments',
  '/model': 'model',
  '/data': 'data',
  '/settings': 'settings',
} as const;

export type RouteName = (typeof ROUTES)[keyof typeof ROUTES] | 'client' | 'not-found';

/** `/clients/<id>`: one client's file. */
const CLIENT_PATH = /^\/clients\/([^/]+)$/;

export function routeFor(pathname: string): RouteName {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (CLIENT_PATH.test(trimmed)) return clientIdFor(trimmed) === null ? 'not-found' : 'client';
  return (ROUTES as Record<string, RouteName>)[trimmed] ?? 'not-found';
}

/** The client id of a `/clients/<id>` path, or null (also when the id is not valid %-encoding). */
export function clientIdFor(pathname: string): string | null {
  const match = CLIENT_PATH.exec(pathname.replace(/\/+$/, ''));
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // `%E0%A4%A`: a cut-off address, shown as not found
  }
}
