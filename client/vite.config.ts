import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { recordSourceFiles } from './record-source-files.ts';

const kiln = process.env.KILN_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [sveltekit(), recordSourceFiles()],
  build: { target: 'es2022', chunkSizeWarningLimit: 200, rolldownOptions: { checks: { pluginTimings: false } } },
  // `npm run dev:client`: the dev server in front of a running Kiln (`npm start`) for the API and Socket.IO.
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': kiln, '/socket.io': { target: kiln, ws: true } },
  },
});
