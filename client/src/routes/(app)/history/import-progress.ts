import type { ImportProgress } from '$protocol/conversation-export.ts';

/** Where an import is: the upload (bytes), then the server's phases as `import:progress` reports them. */
export type ImportStage =
  { step: 'uploading'; sent: number; total: number } | { step: 'server'; progress: ImportProgress | null };

const number = new Intl.NumberFormat('en');

/** What the import form says while the server works on the file (the upload itself shows bytes). */
export function serverPhaseText(progress: ImportProgress | null): string {
  if (!progress) return 'Checking the file…';
  if (progress.phase === 'checking') {
    const read = progress.done === 1 ? '1 conversation' : `${number.format(progress.done)} conversations`;
    return progress.done > 0 ? `Checking the file… ${read} read` : 'Checking the file…';
  }
  if (progress.phase === 'importing') {
    const total = progress.total === null ? '' : ` of ${number.format(progress.total)}`;
    return `Importing ${number.format(progress.done)}${total}`;
  }
  return 'Finishing the report…';
}
