const SI_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

export interface FormatBytesOptions {
  /** Base 1024 with KiB/MiB/… instead of base 1000 with kB/MB/…. */
  binary?: boolean;
  /** Default 1: "1.5 MB". Trailing zeros are dropped ("2 MB", not "2.0 MB"). */
  maximumFractionDigits?: number;
  /** Default "en-US"; "de-DE" gives "1,5 MB". */
  locale?: string;
}

/** formatBytes(1536) → "1.5 kB"; formatBytes(1536, { binary: true }) → "1.5 KiB". Negative counts keep their sign. */
export function formatBytes(bytes: number, options: FormatBytesOptions = {}): string {
  const { binary = false, maximumFractionDigits = 1, locale = 'en-US' } = options;
  if (!Number.isFinite(bytes)) throw new RangeError(`Not a finite number of bytes: ${bytes}`);
  const base = binary ? 1024 : 1000;
  const units = binary ? BINARY_UNITS : SI_UNITS;
  let exponent = 0;
  let value = Math.abs(bytes);
  while (value >= base && exponent < units.length - 1) {
    value /= base;
    exponent++;
  }
  // 999_960 bytes is 999.96 kB, which rounds to "1000 kB": show "1 MB" instead.
  const factor = 10 ** maximumFractionDigits;
  if (exponent > 0 && Math.round(value * factor) / factor >= base && exponent < units.length - 1) {
    value /= base;
    exponent++;
  }
  const number = new Intl.NumberFormat(locale, {
    maximumFractionDigits: exponent === 0 ? 0 : maximumFractionDigits,
  }).format(value);
  return `${bytes < 0 ? '-' : ''}${number} ${units[exponent]}`;
}
