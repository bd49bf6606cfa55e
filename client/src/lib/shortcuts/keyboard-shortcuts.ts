/** The app-wide keyboard shortcuts, as shown in the help dialog. */
export const keyboardShortcuts = [
  { keys: 'Ctrl + Shift + O', action: 'New chat' },
  { keys: 'Shift + Esc', action: 'Focus the message box' },
  { keys: 'Esc', action: 'Stop the answer being written' },
  { keys: 'Ctrl + /', action: 'Show these shortcuts' },
  { keys: 'Enter · Shift + Enter', action: 'Send · new line' },
] as const;

export type ShortcutAction = 'new-chat' | 'focus-composer' | 'stop' | 'help';

/** Which shortcut a key press is, if any (Cmd counts as Ctrl on macOS). */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  const control = event.ctrlKey || event.metaKey;
  if (control && event.shiftKey && event.key.toLowerCase() === 'o') return 'new-chat';
  if (control && event.key === '/') return 'help';
  if (event.key === 'Escape' && event.shiftKey) return 'focus-composer';
  if (event.key === 'Escape' && !control && !event.altKey) return 'stop';
  return undefined;
}
