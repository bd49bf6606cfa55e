import { redirect } from '@sveltejs/kit';

// The home page is a new chat.
export function load() {
  redirect(307, '/c');
}
