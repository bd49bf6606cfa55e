import type { ToolCallRecord } from '$protocol/turn-details.ts';

/**
 * What a tool call's confirmation came to, as its label says it: null for calls that needed none or still wait
 * (while the turn runs, they show Allow and Deny instead).
 */
export function confirmationNote(call: ToolCallRecord, streaming: boolean) {
  if (call.confirmation === 'approved') return 'Allowed';
  if (call.confirmation === 'timeout') return 'Not confirmed in time';
  if (call.confirmation === 'refused') return 'Denied';
  if (call.confirmation === 'pending' && !streaming) return 'Not confirmed';
  return null;
}
