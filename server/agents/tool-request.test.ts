import { describe, expect, it } from 'vitest';
import { chooseTool, parseToolRequest } from './tool-request.ts';
import type { ToolDescription } from '../mcp/tool-host.ts';

describe('parseToolRequest', () => {
  it.each([
    ['list the files in src', { kind: 'list', path: 'src' }],
    ['Please list all the files and folders in `docs/guides`.', { kind: 'list', path: 'docs/guides' }],
    ["what's in the src folder?", { kind: 'list', path: 'src' }],
    ['show me the files', { kind: 'list', path: undefined }],
    ['list the files in .', { kind: 'list', path: undefined }],
    ['ls /var/log', { kind: 'list', path: '/var/log' }],
    ['show directory tree', { kind: 'tree', path: undefined }],
    ['show the directory tree of packages/core', { kind: 'tree', path: 'packages/core' }],
    ['read notes.md.', { kind: 'read', path: 'notes.md' }],
    ['open the file "my notes.txt"', { kind: 'read', path: 'my notes.txt' }],
    ['show src/index.ts', { kind: 'read', path: 'src/index.ts' }],
    ['search for *.test.ts in src', { kind: 'search', pattern: '*.test.ts', path: 'src' }],
    ['find files named config', { kind: 'search', pattern: 'config' }],
    ['file info package.json', { kind: 'info', path: 'package.json' }],
    ['get file info for ~/projects/kiln', { kind: 'info', path: '~/projects/kiln' }],
  ])('%s', (message, request) => {
    expect(parseToolRequest(message)).toEqual(request);
  });

  it('makes no request of a message that asks for none', () => {
    expect(parseToolRequest('how are you today?')).toBeUndefined();
    expect(parseToolRequest('read')).toBeUndefined();
  });
});

describe('chooseTool', () => {
  const tool = (server: string, name: string, properties: string[]): ToolDescription => ({
    server,
    name,
    description: '',
    inputSchema: {
      type: 'object',
      properties: Object.fromEntries(properties.map((property) => [property, { type: 'string' }])),
    },
  });

  it('prefers read_text_file, falls back to read_file, and skips tools whose schema does not fit', () => {
    const oldServer = [tool('old', 'read_file', ['path'])];
    expect(chooseTool({ kind: 'read', path: 'a' }, oldServer)?.server).toBe('old');
    const both = [...oldServer, tool('new', 'read_text_file', ['path'])];
    expect(chooseTool({ kind: 'read', path: 'a' }, both)?.name).toBe('read_text_file');
    expect(chooseTool({ kind: 'search', pattern: 'x' }, [tool('odd', 'search_files', ['query'])])).toBeUndefined();
  });
});
