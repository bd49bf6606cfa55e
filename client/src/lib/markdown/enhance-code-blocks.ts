import { runnableLanguage, runFor, type CodeBlock } from '../runs/runnable-language.ts';

/** What a Run button asks for: run this (code, and tests when the block is tests for an earlier one) after `block`. */
export type RunHandler = (block: HTMLElement, request: ReturnType<typeof runFor>) => void;

/**
 * Adds a Copy button to each code block under `root`, and a Run button to each block Kiln can run when
 * `onRun` is given, and highlights the blocks (the highlighter is a lazily loaded chunk, fetched the first time
 * a block needs it). Safe to call again: done blocks are skipped.
 */
export async function enhanceCodeBlocks(root: HTMLElement, onRun?: RunHandler): Promise<void> {
  const all = [...root.querySelectorAll<HTMLElement>('pre > code')];
  const blocks = all.filter((block) => !block.dataset.enhanced);
  if (blocks.length === 0) return;
  // Every block's language and text, read before highlighting changes its markup.
  const runnable = all.map((block) => ({ element: block, language: runnableLanguage(fenceName(block)) }));
  const codeBlocks: CodeBlock[] = runnable.flatMap(({ element, language }) =>
    language ? [{ language, code: element.textContent ?? '' }] : [],
  );
  for (const block of blocks) {
    block.dataset.enhanced = 'true';
    const buttons = document.createElement('div');
    buttons.className = 'code-actions';
    const index = runnable.filter((entry) => entry.language).findIndex((entry) => entry.element === block);
    if (onRun && index >= 0) buttons.append(runButton(block, () => runFor(codeBlocks, index), onRun));
    buttons.append(copyButton(block));
    block.parentElement!.append(buttons);
  }
  const { highlight } = await import('./highlighter.ts');
  for (const block of blocks) if (block.isConnected) highlight(block);
}

/** The fence's info string, as marked puts it in the class (`language-ts`). */
function fenceName(block: HTMLElement): string | undefined {
  return [...block.classList].find((name) => name.startsWith('language-'))?.slice('language-'.length);
}

function runButton(block: HTMLElement, request: () => ReturnType<typeof runFor>, onRun: RunHandler) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'run-code';
  const planned = request();
  button.textContent = planned.tests ? 'Run tests' : 'Run';
  button.setAttribute(
    'aria-label',
    planned.tests ? 'Run the code with these tests in the sandbox' : 'Run this code in the sandbox',
  );
  button.addEventListener('click', () => onRun(block.parentElement!, request()));
  return button;
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
