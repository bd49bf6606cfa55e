export type ThemeChoice = 'system' | 'light' | 'dark';

const themeKey = 'kiln.theme';

/**
 * Light or dark: the system's preference unless the user picked one. The
 * choice is stored, and app.html applies it before the first paint.
 */
export class Theme {
  choice = $state<ThemeChoice>('system');
  private systemDark = $state(false);

  readonly effective = $derived<'light' | 'dark'>(
    this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice,
  );

  constructor() {
    const stored = localStorage.getItem(themeKey);
    if (stored === 'light' || stored === 'dark') this.choice = stored;
    const query = matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    query.addEventListener('change', (event) => (this.systemDark = event.matches));
  }

  set(choice: ThemeChoice) {
    this.choice = choice;
    if (choice === 'system') {
      localStorage.removeItem(themeKey);
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem(themeKey, choice);
      document.documentElement.dataset.theme = choice;
    }
  }

  /** Switches to the other one of light and dark; switching back to the system's own goes back to following it. */
  toggle() {
    const next = this.effective === 'dark' ? 'light' : 'dark';
    this.set(next === (this.systemDark ? 'dark' : 'light') ? 'system' : next);
  }
}
