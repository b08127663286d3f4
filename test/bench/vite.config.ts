import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { SOURCE_ALIASES } from '../../vite.config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the Node benchmarks into .bench/ for `node` to run. */
export default defineConfig({
  root,
  resolve: { alias: SOURCE_ALIASES },
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: `${root}/.bench`,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        'score-bench': `${root}/test/bench/score-bench.ts`,
        'browser-bench': `${root}/test/bench/browser-bench.ts`,
        'import-bench': `${root}/test/bench/import-bench.ts`,
      },
    },
  },
});
