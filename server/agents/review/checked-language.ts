/** The languages Kiln has static checks for (the names the pattern store uses, plus Svelte). */
export type CheckedLanguage = 'typescript' | 'javascript' | 'python' | 'sql' | 'shell' | 'svelte';
