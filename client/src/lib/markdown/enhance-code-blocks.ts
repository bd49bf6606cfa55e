/**
 * Adds a Copy button to each code block under `root` and highlights the
 * blocks (the highlighter is a lazily loaded chunk, fetched the first time a
 * block needs it). Safe to call again: done blocks are skipped.
 */
export async function enhanceCodeBlocks(root: HTMLElement): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre > code')].filter((block) => !block.dataset.enhanced);
  if (blocks.length === 0) return;
  for (const block of blocks) {
    block.dataset.enhanced = 'true';
    block.parentElement!.append(copyButton(block));
  }
  const { highlight } = await import('./highlighter.ts');
  for (const block of blocks) if (block.isConnected) highlight(block);
}

function copyButton(block: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-code';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy code');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(block.textContent ?? '');
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => (button.textContent = 'Copy'), 2_000);
  });
  return button;
}
