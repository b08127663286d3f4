import { mount } from 'svelte';
import { activeDatabaseName } from '$db/workspace-pointer';
import { WorkerClient } from '$worker/worker-client.svelte';
import '$ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The app's code loads while the worker starts: the worker has the most to do before the
// first view can show anything (open the database, read the scores), so it starts first.
const app = import('./App.svelte');

// The workspace pointer names the database the page and its worker open (docs/storage.md).
const databaseName = await activeDatabaseName();
const worker = new WorkerClient(databaseName);

const { default: App } = await app;
export default mount(App, { target, props: { databaseName, worker } });
