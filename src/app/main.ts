import { FirstReads, readFirstOf } from '$db/first-reads';
import { readActiveDatabaseName } from '$db/read-pointer';
import { rememberWorkspace, workspaceHint } from '$db/workspace-hint';
import { detectLocale } from '$i18n/detect-locale';
import { prepareFormats } from '$lib/format';
import { routeFor } from './routes';
import { isLazyRoute, loadView, preloadViews } from './view-loaders';
import '$ui/global.css';

/** When the worker starts if no view has called it yet, after the app is mounted. */
const START_WORKER_BY_MS = 1_000;

// This file imports only what it needs to start: it runs as soon as its few kilobytes are
// here, while the app's code (index.html preloads it from the first byte: see
// `preloadApp` in vite.config.ts) is still compiling.
//
// The workspace pointer names the database the page and its worker open (docs/storage.md).
// It is read first, while the app's code compiles: a page's first IndexedDB request takes
// a few hundred milliseconds.
const databaseName = readActiveDatabaseName();
// And the few records the first view paints from, from the workspace last opened here
// while the pointer confirms it: they are back before the app's code has run (see
// first-reads.ts).
const firstReads = readFirstOf(databaseName, workspaceHint());
const app = import('./App.svelte');
const svelte = import('svelte');
const client = import('$worker/worker-client.svelte');
// The view the page opens on loads alongside; the others load later (view-loaders.ts).
const firstRoute = routeFor(window.location.pathname);
if (isLazyRoute(firstRoute)) void loadView(firstRoute).catch(() => undefined); // shown when opened
// Meanwhile this thread is idle: the dates and numbers of the first list are formatted
// without a wait. Only in the browser's language (50–100 ms each): a workspace set to the other one
// builds its formatter when it first shows a date.
prepareFormats([detectLocale(navigator.languages)]);

const [{ default: App }, { mount }, { WorkerClient }] = await Promise.all([app, svelte, client]);
const target = await appElement();
const name = await databaseName;
rememberWorkspace(name);
const first = new FirstReads(await firstReads);
// The worker starts when a view first calls it (the first views paint what was saved for
// them, then call), and a second after the start at the latest: see WorkerClient.
const worker = new WorkerClient(name);
// Once the worker runs it writes: the views read through their live queries from then on.
worker.afterStart(() => first.expire());
export default mount(App, { target, props: { databaseName: name, worker, first } });
setTimeout(() => worker.start(), START_WORKER_BY_MS);

/**
 * The element the app mounts in. This file runs as soon as it has loaded (`asyncEntry` in
 * vite.config.ts), in principle before the page is parsed; by now it always has been.
 */
async function appElement(): Promise<HTMLElement> {
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve));
  }
  const element = document.getElementById('app');
  if (!element) throw new Error('index.html has no #app element');
  return element;
}

// Once the first view has had its time, the others' code loads so that opening one later
// does not wait for it.
setTimeout(preloadViews, 3_000);
