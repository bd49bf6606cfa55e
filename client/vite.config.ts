import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { recordSourceFiles } from './record-source-files.ts';

const kiln = process.env.KILN_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit(), recordSourceFiles()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 200,
    rolldownOptions: {
      checks: { pluginTimings: false },
      // highlight.js stays in its own chunk, loaded with the lazy highlighter: left to itself, the bundler may
      // hoist its core into the chunk every page shares (13 KB gzipped more on the first load).
      output: { codeSplitting: { groups: [{ name: 'highlight', test: /[\\/]node_modules[\\/]highlight\.js[\\/]/ }] } },
    },
  },
  // `npm run dev:client`: the dev server in front of a running Kiln (`npm start`) for the API and Socket.IO.
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': kiln, '/socket.io': { target: kiln, ws: true } },
  },
});
