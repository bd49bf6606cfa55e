import { describe, expect, it } from 'vitest';
import { composeSmalltalk } from './smalltalk-agent.ts';

describe('composeSmalltalk', () => {
  it('greets, lists what Kiln does with the slash command for each, and asks back', () => {
    const reply = composeSmalltalk('hey');
    expect(reply).toMatch(/^Hi! I’m Kiln/);
    expect(reply).toContain('- **review**');
    expect(reply).toContain('offline engine');
    expect(reply.trim().endsWith('What are you working on?')).toBe(true);
  });

  it('keeps thanks and goodbyes to one line', () => {
    expect(composeSmalltalk('Thank you so much')).toBe('You’re welcome, glad it helped!');
    expect(composeSmalltalk('ok bye').split('\n')).toHaveLength(1);
  });

  it('answers "what can you do" with the list of agents and how to add a model, without asking back', () => {
    const reply = composeSmalltalk('What can you do?');
    expect(reply).toMatch(/^I’m Kiln, a self-hosted coding assistant/);
    expect(reply).toContain('- **review**');
    expect(reply).toContain('ANTHROPIC_API_KEY');
    expect(reply).not.toContain('What are you working on?');
  });
});
