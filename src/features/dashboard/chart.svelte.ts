import type { ChartConfiguration, ChartType } from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';
import { Chart } from './register-charts';

/**
 * A Chart.js chart on a canvas, as an attachment: created once, updated in place when
 * what `config` reads changes (new data, theme or language: no flicker, no new chart),
 * destroyed with the canvas.
 */
export function chart<T extends ChartType>(config: () => ChartConfiguration<T>): Attachment {
  return (element) => {
    const canvas = element as HTMLCanvasElement; // attached to <canvas> elements only
    const instance = untrack(() => new Chart(canvas, config()));
    let first = true;
    $effect(() => {
      const next = config();
      if (first) {
        first = false; // the chart was just built from it
        return;
      }
      instance.data = next.data;
      if (next.options) instance.options = next.options;
      instance.update('none');
    });
    return () => instance.destroy();
  };
}
