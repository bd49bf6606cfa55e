/** The cookie Kiln sets beside the (HttpOnly) session cookie, and the header that echoes it. */
const csrfCookieName = 'kiln_csrf';
export const csrfHeaderName = 'X-CSRF-Token';

/**
 * The session's CSRF token, read from its cookie. Kiln refuses a cookie-authenticated POST/PUT/PATCH/DELETE that
 * does not echo it (403 `csrf_failed`): another site's page can make the browser send the cookie, not read it.
 */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === csrfCookieName) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
