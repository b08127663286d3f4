import type { Theme } from '$schema/settings';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Light or dark, from the setting or, when it says `system`, from the operating system. */
export class ThemeController {
  readonly #setting: () => Theme | undefined;
  #systemDark = $state(window.matchMedia(DARK_QUERY).matches);

  resolved: 'light' | 'dark' = $derived.by(() => {
    const setting = this.#setting() ?? 'system';
    if (setting === 'system') return this.#systemDark ? 'dark' : 'light';
    return setting;
  });

  constructor(setting: () => Theme | undefined) {
    this.#setting = setting;
  }

  /** Follows changes of the system theme; returns the function that stops. */
  start(): () => void {
    const query = window.matchMedia(DARK_QUERY);
    const onChange = (event: MediaQueryListEvent): void => {
      this.#systemDark = event.matches;
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }
}
