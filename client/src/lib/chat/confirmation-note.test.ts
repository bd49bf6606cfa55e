import { describe, expect, it } from 'vitest';
import type { ToolCallRecord } from '$protocol/turn-details.ts';
import { confirmationNote } from './confirmation-note.ts';

const call = (confirmation: ToolCallRecord['confirmation']): ToolCallRecord => ({
  callId: 'c1',
  server: 'filesystem',
  tool: 'write_file',
  arguments: { path: 'notes.md' },
  result: null,
  confirmation,
});

describe('a tool call confirmation label', () => {
  it('says whether the user allowed or denied it, or let it time out', () => {
    expect(confirmationNote(call('approved'), true)).toBe('Allowed');
    expect(confirmationNote(call('refused'), false)).toBe('Denied');
    expect(confirmationNote(call('timeout'), false)).toBe('Not confirmed in time');
  });

  it('has no label while the call waits in a running turn (it shows buttons), nor for calls that needed none', () => {
    expect(confirmationNote(call('pending'), true)).toBeNull();
    expect(confirmationNote(call(null), true)).toBeNull();
  });

  it('says a call still waiting when its turn ended was never confirmed', () => {
    expect(confirmationNote(call('pending'), false)).toBe('Not confirmed');
  });
});
