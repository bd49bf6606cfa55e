import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Kiln's web client: a single-page app (no server rendering), built into client/build and served by Kiln's server. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Every URL the server does not know answers with index.html, and the client router takes it from there.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: false, strict: true }),
    alias: {
      // The wire contract shared with the server (turn events, answer details, REST shapes, socket event maps):
      // the client imports it instead of redefining it, and imports nothing else from outside client/.
      $protocol: '../protocol',
    },
  },
};
