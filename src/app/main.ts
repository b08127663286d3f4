import { mount } from 'svelte';
import { readActiveDatabaseName } from '$db/read-pointer';
import { detectLocale } from '$i18n/detect-locale';
import { prepareDateFormats } from '$lib/format';
import { WorkerClient } from '$worker/worker-client.svelte';
import { routeFor } from './router.svelte';
import { isLazyRoute, loadView, preloadViews } from './view-loaders';
import '$ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The app's code loads while the worker starts: the worker has the most to do before the
// first view can show anything (open the database, read the scores), so it starts first.
// Nothing here waits for Dexie: the pointer is read with IndexedDB itself. (index.html
// preloads the app's code from its first byte: see `preloadApp` in vite.config.ts.)
const app = import('./App.svelte');
// The view the page opens on loads alongside; the others load later (view-loaders.ts).
const firstRoute = routeFor(window.location.pathname);
if (isLazyRoute(firstRoute)) void loadView(firstRoute).catch(() => undefined); // shown when opened
// Meanwhile this thread is idle: the dates of the first list are formatted without a wait.
// Only in the browser's language (about 100 ms each): a workspace set to the other one
// builds its formatter when it first shows a date.
prepareDateFormats([detectLocale(navigator.languages)]);

// The workspace pointer names the database the page and its worker open (docs/storage.md).
const databaseName = await readActiveDatabaseName();
const worker = new WorkerClient(databaseName);

const { default: App } = await app;
export default mount(App, { target, props: { databaseName, worker } });

// Once the first view has had its time, the others' code loads so that opening one later
// does not wait for it.
setTimeout(preloadViews, 3_000);
