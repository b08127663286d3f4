import type { ChartConfiguration, ChartType } from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';
import { Chart } from './register-charts';

/**
 * Charts waiting to be built, one per task: building six charts at once (the scatter
 * alone draws thousands of points) would hold the main thread for several hundred
 * milliseconds; one at a time, the page stays responsive while they appear.
 */
const waiting: (() => void)[] = [];

function buildLater(build: () => void): void {
  waiting.push(build);
  if (waiting.length === 1) setTimeout(buildNext, 0);
}

function buildNext(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setTimeout(buildNext, 0);
}

/**
 * A Chart.js chart on a canvas, as an attachment: built in a task of its own, updated in
 * place when what `config` reads changes (new data, theme or language: no flicker, no new
 * chart), destroyed with the canvas.
 */
export function chart<T extends ChartType>(config: () => ChartConfiguration<T>): Attachment {
  return (element) => {
    const canvas = element as HTMLCanvasElement; // attached to <canvas> elements only
    let instance: Chart<T> | null = null;
    let removed = false;
    buildLater(() => {
      // Built from the config as it is then, so changes while it waited are included.
      if (!removed) instance = untrack(() => new Chart(canvas, config()));
    });
    $effect(() => {
      const next = config();
      if (instance === null) return; // not built yet: it will be built from the latest
      instance.data = next.data;
      if (next.options) instance.options = next.options;
      instance.update('none');
    });
    return () => {
      removed = true;
      instance?.destroy();
    };
  };
}
