import { ApiError } from '../api/api-error.ts';
import { KilnApi } from '../api/kiln-api.ts';
import type { SignedIn, UserJson } from '../api/api-types.ts';

const tokenKey = 'kiln.token';

/**
 * Who is signed in. The bearer token lives in localStorage (so a reload stays
 * signed in) and is checked with `/auth/me` on start; a 401 anywhere signs out.
 */
export class Session {
  user = $state<UserJson | null>(null);
  /** False until the stored token has been checked. */
  checked = $state(false);
  /** Kiln could not be reached (or is starting) while checking the token. */
  waiting = $state(false);
  token = $state<string | null>(null);
  readonly api: KilnApi;

  constructor(private readonly storage: Storage = localStorage) {
    this.token = storage.getItem(tokenKey);
    this.api = new KilnApi(
      () => this.token,
      () => this.forget(),
    );
  }

  /** Checks the stored token. While Kiln is unreachable or still starting, it keeps `waiting` and tries again. */
  async restore(retryMs = 1_000): Promise<void> {
    while (this.token) {
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
  async signUp(email: string, password: string) {
    this.remember(await this.api.register(email, password));
  }

  async signOut() {
    await this.api.logout().catch(() => undefined);
    this.forget();
  }

  private remember({ user, token }: SignedIn) {
    this.storage.setItem(tokenKey, token);
    this.token = token;
    this.user = user;
  }

  private forget() {
    this.storage.removeItem(tokenKey);
    this.token = null;
    this.user = null;
  }
}
