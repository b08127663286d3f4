import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { warmDatabases } from '$db/warm-databases';

/**
 * The parts of a service worker's global scope used here: src/ is typed with the DOM's
 * library, which has no `ServiceWorkerGlobalScope` (and the WebWorker library clashes
 * with it).
 */
interface ServiceWorkerScope {
  /** The build's files and their revisions, written in by the build (vite-plugin-pwa). */
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
declare const self: ServiceWorkerScope;

// First, while the page's first request is answered and its code loads: the databases the
// page opens next (see warm-databases.ts).
warmDatabases().catch((error: unknown) => console.warn('Databases not warmed:', error));

// A new version waits until the page asks it to take over (the update prompt).
self.addEventListener('message', (event) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

// The whole app from the cache, so it starts and works offline; every path is the app's
// page, which routes itself.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));
