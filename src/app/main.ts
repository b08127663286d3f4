import { mount } from 'svelte';
import { readActiveDatabaseName } from '$db/read-pointer';
import { prepareDateFormats } from '$lib/format';
import { WorkerClient } from '$worker/worker-client.svelte';
import '$ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The app's code loads while the worker starts: the worker has the most to do before the
// first view can show anything (open the database, read the scores), so it starts first.
// Nothing here waits for Dexie: the pointer is read with IndexedDB itself. (index.html
// preloads the app's code from its first byte: see `preloadApp` in vite.config.ts.)
const app = import('./App.svelte');
// Meanwhile this thread is idle: the dates of the first list are formatted without a wait.
// Both of the app's languages (LOCALES in $schema/settings, not imported: it brings zod).
prepareDateFormats(['en', 'zh-CN']);

// The workspace pointer names the database the page and its worker open (docs/storage.md).
const databaseName = await readActiveDatabaseName();
const worker = new WorkerClient(databaseName);

const { default: App } = await app;
export default mount(App, { target, props: { databaseName, worker } });
