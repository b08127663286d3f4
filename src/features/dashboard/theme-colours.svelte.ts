/** The theme's colours a canvas needs, read from the CSS custom properties of global.css. */
export interface ChartColours {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  font: string;
}

function read(): ChartColours {
  const style = getComputedStyle(document.documentElement);
  const value = (name: string): string => style.getPropertyValue(name).trim();
  return {
    text: value('--text'),
    muted: value('--muted'),
    grid: value('--border'),
    surface: value('--surface'),
    font: value('--font'),
  };
}

/**
 * Follows the light/dark theme: the app sets `data-theme` on <html>; when it changes the
 * colours are read again, and the charts that use them redraw. Create while a component
 * initialises.
 */
export class ThemeColours {
  current = $state.raw<ChartColours>(read());

  constructor() {
    $effect(() => {
      const observer = new MutationObserver(() => (this.current = read()));
      observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['data-theme'],
      });
      return () => observer.disconnect();
    });
  }
}
