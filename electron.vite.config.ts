import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * Three builds: the Node side (Electron main, the browser host and the CLI share services; the
 * web-page reader and search threads are entries of their own),
 * the sandboxed preload (CommonJS, everything bundled: a sandboxed preload cannot require
 * node_modules), and the React renderer that both the desktop window and the browser host serve.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          web: resolve(__dirname, 'src/main/web/start.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          // The thread that reads imported web pages (src/main/services/html-reader/reader.ts).
          'html-reader': resolve(__dirname, 'src/main/services/html-reader/worker.ts'),
          // The thread that searches article text (src/main/services/search-worker/searcher.ts).
          'search-worker': resolve(__dirname, 'src/main/services/search-worker/worker.ts'),
          // The threads that read and count articles for the agreement figures (src/main/services/review/tally-threads/).
          'tally-worker': resolve(__dirname, 'src/main/services/review/tally-threads/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default: 1.34 MB for the entry chunk instead
      // of ~0.6 MB, parsed by every window before its first paint (scripts/bundle-budget.mjs).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
