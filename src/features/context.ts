import { createContext } from 'svelte';
import type { TierwiseDb } from '$db/database';
import type { FirstReads } from '$db/first-reads';
import type { I18n } from '$i18n/i18n.svelte';
import type { WorkerClient } from '$worker/worker-client.svelte';

/** The current address and a way to change it (the app's router). */
export interface Navigation {
  readonly url: URL;
  navigate(href: string, options?: { replace?: boolean }): void;
}

/** What every view may use, provided once by the app shell. */
export interface AppServices {
  db: TierwiseDb;
  worker: WorkerClient;
  i18n: I18n;
  navigation: Navigation;
  /** Today's date, `YYYY-MM-DD`, in the user's time zone: the as-of date of the engine. */
  today: () => string;
  /** The records read at start, for the first view's first paint (see `first-values.ts`). */
  first: FirstReads;
}

export const [getServices, setServices] = createContext<AppServices>();
