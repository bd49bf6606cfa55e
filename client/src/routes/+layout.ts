// A single-page app: rendered in the browser only, served as index.html for every route (see svelte.config.js).
export const ssr = false;
export const prerender = false;
