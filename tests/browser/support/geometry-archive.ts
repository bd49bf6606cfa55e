import { randomBytes } from 'node:crypto';
import yazl from 'yazl';

/** What the archive holds: a small TypeScript codebase whose patterns a project question should cite. */
export const geometryFiles: Record<string, string> = {
  ...colourHelpers(24),
  'README.md': '# geo-tools\n\nSmall geometry helpers for maps.\n',
  'src/geometry/haversine.ts': [
    'const earthRadiusKm = 6371;',
    '',
    'const radians = (degrees: number) => (degrees * Math.PI) / 180;',
    '',
    '/**',
    ' * Great-circle distance in kilometres between two latitude/longitude points, by the haversine formula:',
    ' * the distance between two places on Earth given their coordinates in degrees.',
    ' */',
    'export function haversineDistance(',
    '  from: { latitude: number; longitude: number },',
    '  to: { latitude: number; longitude: number },',
    '): number {',
    '  const deltaLatitude = radians(to.latitude - from.latitude);',
    '  const deltaLongitude = radians(to.longitude - from.longitude);',
    '  const a =',
    '    Math.sin(deltaLatitude / 2) ** 2 +',
    '    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(deltaLongitude / 2) ** 2;',
    '  return 2 * earthRadiusKm * Math.asin(Math.sqrt(a));',
    '}',
    '',
  ].join('\n'),
  'src/geometry/bearing.ts': [
    'const radians = (degrees: number) => (degrees * Math.PI) / 180;',
    'const degrees = (radiansValue: number) => (radiansValue * 180) / Math.PI;',
    '',
    '/** The initial compass bearing in degrees (0–360) to travel from one latitude/longitude point to another. */',
    'export function initialBearing(',
    '  from: { latitude: number; longitude: number },',
    '  to: { latitude: number; longitude: number },',
    '): number {',
    '  const y = Math.sin(radians(to.longitude - from.longitude)) * Math.cos(radians(to.latitude));',
    '  const x =',
    '    Math.cos(radians(from.latitude)) * Math.sin(radians(to.latitude)) -',
    '    Math.sin(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.cos(radians(to.longitude - from.longitude));',
    '  return (degrees(Math.atan2(y, x)) + 360) % 360;',
    '}',
    '',
  ].join('\n'),
};

/**
 * Small modules on another subject (colours), so that ingest takes several steps to watch and the question about
 * distance has something to tell apart.
 */
function colourHelpers(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [index + 1, Math.round(((index + 1) * 100) / (count + 1))]).map(
      ([number, percent]) => [
        `src/colours/shade-${number}.ts`,
        [
          `/** Lightens a #rrggbb colour ${percent}% of the way to white. */`,
          `export function lighten${number}(hex: string): string {`,
          '  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));',
          `  const lighter = channels.map((channel) => Math.round(channel + ((255 - channel) * ${percent}) / 100));`,
          "  return `#${lighter.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;",
          '}',
          '',
        ].join('\n'),
      ],
    ),
  );
}

/**
 * The files as a .zip, with more than one top-level entry (an archive of one folder may have that folder
 * stripped), so the ingested paths are exactly the keys of `geometryFiles`.
 */
export function geometryArchive(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(geometryFiles)) zip.addBuffer(Buffer.from(content), name);
  return zipBytes(zip);
}

/** A .zip of about `bytes` bytes (random, stored uncompressed), to go over an upload limit. */
export function largeArchive(bytes: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(randomBytes(bytes), 'assets/noise.bin', { compress: false });
  return zipBytes(zip);
}

async function zipBytes(zip: yazl.ZipFile): Promise<Buffer> {
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
