import { ApiError } from '../api/api-error.ts';
import { KilnApi } from '../api/kiln-api.ts';
import type { SignedIn, UserJson } from '../api/api-types.ts';

/** Where versions before the cookie session kept the bearer token; removed on load. */
const legacyTokenKey = 'kiln.token';

/**
 * Who is signed in. The session itself is an HttpOnly cookie that Kiln sets at sign-in and the browser sends
 * with every request (page scripts never see the token); on start `/auth/me` tells who it belongs to, and a 401
 * anywhere signs out.
 */
export class Session {
  user = $state<UserJson | null>(null);
  /** False until `/auth/me` has answered. */
  checked = $state(false);
  /** Kiln could not be reached (or is starting) while checking the session. */
  waiting = $state(false);
  readonly api: KilnApi;

  constructor(storage: Storage = localStorage) {
    // A token an older version left where any script could read it is of no use now: drop it.
    storage.removeItem(legacyTokenKey);
    this.api = new KilnApi(() => this.forget());
  }

  /** Asks Kiln who is signed in. While Kiln is unreachable or still starting, it keeps `waiting` and tries again. */
  async restore(retryMs = 1_000): Promise<void> {
    for (;;) {
      try {
        this.user = (await this.api.me()).user;
        break;
      } catch (error) {
        const unavailable = error instanceof ApiError && (error.status === 0 || error.status >= 500);
        if (!unavailable) {
          this.forget();
          break;
        }
        this.waiting = true;
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
    this.waiting = false;
    this.checked = true;
  }

  async signIn(email: string, password: string) {
    this.remember(await this.api.login(email, password));
  }

  /** The first account on a Kiln server becomes its admin. */
  async signUp(email: string, password: string, invite?: string) {
    this.remember(await this.api.register(email, password, invite));
  }

  /** Ends the session on the server (which clears its cookies), then here. */
  async signOut() {
    await this.api.logout().catch(() => undefined);
    this.forget();
  }

  // The answer's token is for API clients; the browser's session is the cookie set with it.
  private remember({ user }: SignedIn) {
    this.user = user;
  }

  private forget() {
    this.user = null;
  }
}
