import { describe, expect, it } from 'vitest';
import { parseSlashCommand } from './slash-command.ts';

describe('parseSlashCommand', () => {
  it('maps each command to its agent and strips it from the text', () => {
    expect(parseSlashCommand('/ask what is a closure?')).toEqual({
      command: 'ask',
      intent: 'ask',
      text: 'what is a closure?',
    });
    expect(parseSlashCommand('/code a debounce in TypeScript')).toMatchObject({
      intent: 'generate',
      text: 'a debounce in TypeScript',
    });
    expect(parseSlashCommand('/generate a Dockerfile')).toMatchObject({ intent: 'generate', text: 'a Dockerfile' });
    expect(parseSlashCommand('/review\n```js\neval(x)\n```')).toMatchObject({
      intent: 'review',
      text: '```js\neval(x)\n```',
    });
    expect(parseSlashCommand('/debug TypeError: x is undefined')).toMatchObject({ intent: 'debug' });
    expect(parseSlashCommand('/migrate vue 2 to 3')).toMatchObject({ intent: 'migrate' });
    expect(parseSlashCommand('/tool ls /tmp')).toMatchObject({ intent: 'tool', text: 'ls /tmp' });
    expect(parseSlashCommand('/chat hello')).toMatchObject({ intent: 'smalltalk', text: 'hello' });
  });

  it('ignores case and leading whitespace, and accepts a command on its own', () => {
    expect(parseSlashCommand('  /Review  this')).toMatchObject({ command: 'review', intent: 'review', text: 'this' });
    expect(parseSlashCommand('/debug')).toMatchObject({ intent: 'debug', text: '' });
  });

  it('leaves paths, unknown commands and commands glued to words alone', () => {
    expect(parseSlashCommand('/tmp/x: list the files')).toBeUndefined();
    expect(parseSlashCommand('/deploy now')).toBeUndefined();
    expect(parseSlashCommand('/reviewer please')).toBeUndefined();
    expect(parseSlashCommand('please /review this')).toBeUndefined();
    expect(parseSlashCommand('/constructor')).toBeUndefined();
  });
});
