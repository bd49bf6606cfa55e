import { redirect } from '@sveltejs/kit';

// The admin area opens on its first tab.
export function load() {
  redirect(307, '/admin/users');
}
