import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** `$engine/…` and friends: one alias per folder of src/ (see README, "Architecture"). */
export const SOURCE_ALIASES = Object.fromEntries(
  ['app', 'engine', 'schema', 'db', 'backup', 'worker', 'features', 'ui', 'lib', 'i18n'].map(
    (folder) => [`$${folder}`, here(`./src/${folder}`)],
  ),
);

/**
 * Only the app's own origin, ever. Added to the built page only: the dev server injects
 * inline styles for hot reload, which this policy would (rightly) refuse.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tierwise-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The app's code and the views a start usually opens on (Today, the start page, and the
 * Clients list), with what they import. Other views load when first opened (see
 * src/app/view-loaders.ts).
 */
const FIRST_VIEWS = [
  '/App.svelte',
  '/worker-client.svelte.ts',
  '/TodayView.svelte',
  '/ClientsView.svelte',
];

/** Every id reachable from `roots` through `importsOf`, the roots included. */
function reachable(
  roots: readonly string[],
  importsOf: (id: string) => readonly string[] | undefined,
): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    importsOf(id)?.forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * Preloads the app's code from the page's first byte. main.ts imports App.svelte and the
 * first view dynamically, so that it can read the workspace pointer before half a megabyte
 * of app code has loaded; without this the browser would only ask for that code once
 * main.ts runs. Adds `<link rel="modulepreload">` for FIRST_VIEWS' chunks and every chunk they
 * import, however deep, and `<link rel="stylesheet">` for their styles: a chunk or a
 * style found only when the code runs is a second round trip before the first paint.
 */
function preloadApp(): Plugin {
  return {
    name: 'tierwise-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        const chunks = new Map(
          Object.values(context.bundle ?? {}).flatMap((output) =>
            output.type === 'chunk' ? [[output.fileName, output] as const] : [],
          ),
        );
        const roots = FIRST_VIEWS.map((ending) => {
          const chunk = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(ending));
          if (!chunk) throw new Error(`no chunk for ${ending} to preload`);
          return chunk.fileName;
        });
        // Every chunk the first views import, directly or through another.
        const files = reachable(roots, (file) => chunks.get(file)?.imports);
        const styles = new Set(
          [...files].flatMap((file) => [...(chunks.get(file)?.viteMetadata?.importedCss ?? [])]),
        );
        const link = (rel: string, file: string, crossorigin: boolean) => ({
          tag: 'link',
          attrs: { rel, ...(crossorigin ? { crossorigin: '' } : {}), href: `/${file}` },
          injectTo: 'head' as const,
        });
        return [
          ...[...files]
            .filter((file) => !html.includes(file))
            .map((file) => link('modulepreload', file, true)),
          ...[...styles]
            .filter((file) => !html.includes(file))
            .map((file) => link('stylesheet', file, false)),
        ];
      },
    },
  };
}

/**
 * Runs main.ts as soon as it has loaded (`async`), not once the page's style sheets have:
 * a module script without it waits for every style sheet before it, and on a cold start
 * through the service worker those came 100–200 ms after main.ts, whose first work (the
 * workspace pointer, the reads at start, the browser's number and date formats) then ran
 * while the app's code had already compiled. The first paint still waits for the styles.
 */
function asyncEntry(): Plugin {
  return {
    name: 'tierwise-async-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const entry =
          /<script type="module" crossorigin src="\/assets\/index-[^"]+\.js"><\/script>/;
        const tag = entry.exec(html)?.[0];
        if (!tag) throw new Error('index.html has no entry script to run early');
        return html.replace(
          tag,
          tag.replace('<script type="module"', '<script type="module" async'),
        );
      },
    },
  };
}

/**
 * The modules a start runs, found once the module graph is complete, bundled as two
 * chunks: `boot`, what main.ts imports (a few kilobytes, so main.ts runs early), and
 * `start`, FIRST_VIEWS and everything they import statically. Every file of a start
 * passes through the service worker's fetch handler, one dispatch each, and a start of
 * forty small chunks spent as long in the handler as reading their bytes. (main.ts itself
 * stays in the entry: a chunk it shared with modules `start` imports would be one that
 * awaits, at its top level, an import of a chunk that imports it back.)
 */
function startChunk(): { plugin: Plugin; name: (id: string) => string | null } {
  const members = new Set<string>();
  const own = new Set<string>();
  const plugin: Plugin = {
    name: 'tierwise-start-chunk',
    apply: 'build',
    buildEnd() {
      members.clear();
      own.clear();
      const ids = [...this.getModuleIds()];
      const closure = (roots: string[]): Set<string> =>
        reachable(roots, (id) => this.getModuleInfo(id)?.importedIds);
      const entry = closure(ids.filter((id) => id.endsWith(MAIN)));
      const roots = FIRST_VIEWS.map((ending) => ids.find((id) => id.endsWith(ending)) ?? '');
      for (const id of closure(roots.filter(Boolean))) if (!entry.has(id)) members.add(id);
      for (const id of entry) if (!id.endsWith(MAIN)) own.add(id);
      const started = [...members, ...own];
      const barred = new Set(started.filter((id) => NOT_AT_START.some((dir) => id.includes(dir))));
      const importer = started.find(
        (id) =>
          !barred.has(id) && this.getModuleInfo(id)?.importedIds.some((dep) => barred.has(dep)),
      );
      if (importer) {
        this.error(`${importer} puts zod in the start: import its schemas when first used`);
      }
    },
  };
  return {
    plugin,
    name: (id) => (own.has(id) ? 'boot' : members.has(id) ? 'start' : null),
  };
}
const MAIN = '/src/app/main.ts';
/**
 * What a start must not run: zod builds every schema as its module runs (a third of the
 * start file's evaluation, and a fifth of its bytes), and the first paint validates
 * nothing. The code a start runs imports the constants it needs from zod-free modules
 * (`src/schema/*-options.ts` and the like), and the schemas when it first saves.
 */
const NOT_AT_START = ['/node_modules/zod/'];
const start = startChunk();

/** The app's version, written into backups (`appVersion`). */
const APP_VERSION = (
  JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string }
).version;

export default defineConfig({
  resolve: { alias: SOURCE_ALIASES },
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  build: {
    // Every asset is a file of our own origin, so the CSP needs no data: URLs.
    assetsInlineLimit: 0,
    target: 'es2022',
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: start.name, debugName: 'boot and start' }] } },
    },
  },
  worker: { format: 'es' },
  // `PORT=5000 npm start` when 4173 is taken; the end-to-end tests use their own port.
  preview: { port: Number(process.env['PORT'] ?? 4173), strictPort: true },
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    preloadApp(),
    asyncEntry(),
    start.plugin,
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'Tierwise — client ranking and tiers',
        short_name: 'Tierwise',
        description:
          'Rank and tier your clients on value, needs, loyalty and potential, with lifetime value and churn prediction. Local-first: your data never leaves this device.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f7f5',
        theme_color: '#1f5f8b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      // The service worker is src/app/sw.ts: it precaches the build and warms the
      // databases as it starts (src/db/warm-databases.ts).
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        rollupFormat: 'iife',
      },
    }),
  ],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
