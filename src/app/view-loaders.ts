import type { Component } from 'svelte';
import type { RouteName } from './routes';

/**
 * Each view's code, loaded when the view is first opened: the start needs only the view
 * it opens on, so the other views (with their charts, forms and imports) never delay the
 * first paint. main.ts starts the first view's load before the app's own code has run.
 */
const LOADERS = {
  today: () => import('$features/today/TodayView.svelte'),
  dashboard: () => import('$features/dashboard/DashboardView.svelte'),
  clients: () => import('$features/clients/ClientsView.svelte'),
  client: () => import('$features/client/ClientView.svelte'),
  history: () => import('$features/history/HistoryView.svelte'),
  segments: () => import('$features/segments/SegmentsView.svelte'),
  model: () => import('$features/model/ModelView.svelte'),
  data: () => import('$features/data/DataView.svelte'),
  settings: () => import('$features/settings/SettingsView.svelte'),
} as const;

export type LazyRoute = keyof typeof LOADERS;
export type LoadedView<R extends LazyRoute> = Awaited<ReturnType<(typeof LOADERS)[R]>>['default'];

const loading = new Map<LazyRoute, Promise<Component<never>>>();

export function isLazyRoute(route: RouteName): route is LazyRoute {
  return route in LOADERS;
}

/** The view's component, loaded once; later calls share the first load. */
export function loadView<R extends LazyRoute>(route: R): Promise<LoadedView<R>> {
  let pending = loading.get(route);
  if (!pending) {
    pending = LOADERS[route]().then(
      (module) => module.default,
      (error: unknown) => {
        loading.delete(route); // a failed load (offline, a replaced build) is tried again
        throw error;
      },
    );
    loading.set(route, pending);
  }
  // The map holds each route's own loader's promise (set just above, by route).
  return pending as Promise<LoadedView<R>>;
}

/**
 * Loads every other view's code while the user reads the first one, so that a later
 * navigation shows its view without waiting for the network or the parse.
 */
export function preloadViews(): void {
  for (const route of Object.keys(LOADERS)) {
    // Object.keys loses the key type; the keys are LOADERS' own.
    void loadView(route as LazyRoute).catch(() => {
      // Offline before the service worker cached the view: it loads when opened.
    });
  }
}
