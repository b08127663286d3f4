import { mount } from 'svelte';
import { activeDatabaseName } from '$db/workspace-pointer';
import App from './App.svelte';
import '$ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The workspace pointer names the database the page and its worker open (docs/storage.md).
const databaseName = await activeDatabaseName();

export default mount(App, { target, props: { databaseName } });
