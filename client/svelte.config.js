import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Kiln's web client: a single-page app (no server rendering), built into client/build and served by Kiln's server. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Every URL the server does not know answers with index.html, and the client router takes it from there.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: false, strict: true }),
    alias: {
      // The server's shared, dependency-free modules: the turn-event protocol (server/chat/turn-events.ts), answer
      // details, and the REST shapes. The client imports them instead of redefining them.
      $server: '../server',
      $knowledge: '../knowledge',
    },
  },
};
