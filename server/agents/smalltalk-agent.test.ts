import { describe, expect, it } from 'vitest';
import { composeSmalltalk } from './smalltalk-agent.ts';

const offline = { provider: 'offline', model: 'kiln-offline' } as const;

describe('composeSmalltalk', () => {
  it('greets, lists what Kiln does with the slash command for each, and asks back', () => {
    const reply = composeSmalltalk('hey', offline);
    expect(reply).toMatch(/^Hi! I’m Kiln/);
    expect(reply).toContain('- **review**');
    expect(reply).toContain('offline engine');
    expect(reply.trim().endsWith('What are you working on?')).toBe(true);
  });

  it('keeps thanks and goodbyes to one line', () => {
    expect(composeSmalltalk('Thank you so much', offline)).toBe('You’re welcome, glad it helped!');
    expect(composeSmalltalk('ok bye', offline).split('\n')).toHaveLength(1);
  });

  it('answers "what can you do" with the model in use when one is configured', () => {
    const reply = composeSmalltalk('What can you do?', { provider: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(reply).toMatch(/^I’m Kiln, a self-hosted coding assistant/);
    expect(reply).toContain('anthropic · claude-sonnet-4-5');
    expect(reply).not.toContain('What are you working on?');
  });
});
