import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { numberedTokens, ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer, textOf, turnEnded } from '../support/test-server.ts';

const provider = new ScriptedProvider();
let kiln: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  kiln = await startTestServer({ provider });
});
afterAll(async () => {
  await kiln?.stop();
});

const seqs = (events: TurnEvent[]) => events.map((event) => event.seq);
const contiguousFrom = (start: number, count: number) => Array.from({ length: count }, (_, index) => start + index);

async function assistantMessage(token: string, conversationId: string) {
  const page = await kiln.api('GET', `/conversations/${conversationId}/messages`, { token });
  return page.json.messages.at(-1) as { role: string; content: string; status: string; usage: unknown };
}

describe('a chat turn over Socket.IO', () => {
  it('streams turn.start … text.delta … turn.end with contiguous seq to every tab, and persists exactly the streamed text', async () => {
    provider.tokens = numberedTokens(200);
    provider.delayMs = 0;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const sender = await kiln.socket(token);
    const otherTab = await kiln.socket(token);
    expect(await otherTab.request('conversation:join', { conversationId: conversation.id })).toEqual({ ok: true });

    const ack = await sender.request('message:send', {
      conversationId: conversation.id,
      content: 'Count to 200',
      intent: 'ask',
    });
    expect(ack).toMatchObject({ ok: true, turnId: expect.any(String), userMessageId: expect.any(String) });
    await sender.until(turnEnded(ack.turnId));
    await otherTab.until(turnEnded(ack.turnId));

    const events = sender.events.filter((event) => event.turnId === ack.turnId);
    expect(seqs(events)).toEqual(contiguousFrom(1, events.length));
    expect(events[0]).toMatchObject({
      type: 'turn.start',
      conversationId: conversation.id,
      userMessageId: ack.userMessageId,
    });
    expect(events[1]).toMatchObject({ type: 'intent', intent: 'ask', via: 'user' });
    expect(events[2]).toMatchObject({ type: 'retrieval', citations: expect.any(Array) });
    expect(events.slice(3, -1).every((event) => event.type === 'text.delta')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop', usage: { outputTokens: 200 } });
    expect(otherTab.events.filter((event) => event.turnId === ack.turnId)).toEqual(events);

    const streamed = textOf(events);
    expect(streamed).toBe(numberedTokens(200).join(''));
    // Deltas are batched: far fewer events than tokens.
    expect(events.length).toBeLessThan(200);
    await expect
      .poll(() => assistantMessage(token, conversation.id))
      .toMatchObject({ role: 'assistant', content: streamed, status: 'complete' });
  });

  it('resumes after a disconnect mid-turn with no gap and no duplicate', async () => {
    provider.tokens = numberedTokens(60);
    provider.delayMs = 10;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const first = await kiln.socket(token);
    const ack = await first.request('message:send', { conversationId: conversation.id, content: 'Stream slowly' });
    await first.until((events) => events.filter((event) => event.type === 'text.delta').length >= 5);
    first.client.disconnect();
    const before = [...first.events];
    const lastSeq = before.at(-1)!.seq;
    await new Promise((resolve) => setTimeout(resolve, 120)); // the turn goes on meanwhile

    const second = await kiln.socket(token);
    const resumed = await second.request('turn:resume', { turnId: ack.turnId, afterSeq: lastSeq });
    expect(resumed).toMatchObject({ ok: true, finished: false });
    expect(resumed.replayed).toBeGreaterThan(0);
    await second.until(turnEnded(ack.turnId));

    const after = second.events;
    expect(seqs(after)).toEqual(contiguousFrom(lastSeq + 1, after.length));
    const whole = [...before, ...after];
    expect(seqs(whole)).toEqual(contiguousFrom(1, whole.length));
    expect(textOf(whole)).toBe(numberedTokens(60).join(''));
    await expect
      .poll(() => assistantMessage(token, conversation.id))
      .toMatchObject({ content: textOf(whole), status: 'complete' });
  });

  it('stops mid-stream on turn:stop, keeping the partial answer as stopped', async () => {
    provider.tokens = numberedTokens(500);
    provider.delayMs = 5;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const tab = await kiln.socket(token);
    const ack = await tab.request('message:send', { conversationId: conversation.id, content: 'A long answer please' });
    await tab.until((events) => events.filter((event) => event.type === 'text.delta').length >= 3);
    expect(await tab.request('turn:stop', { turnId: ack.turnId })).toEqual({ ok: true, stopping: true });
    await tab.until(turnEnded(ack.turnId));

    const end = tab.events.at(-1)!;
    expect(end).toMatchObject({ type: 'turn.end', finishReason: 'stopped' });
    const partial = textOf(tab.events);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(numberedTokens(500).join('').length);
    await expect
      .poll(() => assistantMessage(token, conversation.id))
      .toMatchObject({ content: partial, status: 'stopped' });
  });

  it("keeps every user out of other users' conversations and turns", async () => {
    provider.tokens = numberedTokens(100);
    provider.delayMs = 5;
    const owner = await kiln.register();
    const intruder = await kiln.register();
    const conversation = await kiln.newConversation(owner.token);
    const ownerTab = await kiln.socket(owner.token);
    const ack = await ownerTab.request('message:send', { conversationId: conversation.id, content: 'secret plans' });

    const intruderTab = await kiln.socket(intruder.token);
    const notFound = { ok: false, error: expect.objectContaining({ code: 'not_found' }) };
    expect(await intruderTab.request('conversation:join', { conversationId: conversation.id })).toEqual(notFound);
    expect(await intruderTab.request('message:send', { conversationId: conversation.id, content: 'hi' })).toEqual(
      notFound,
    );
    expect(await intruderTab.request('turn:resume', { turnId: ack.turnId, afterSeq: 0 })).toEqual(notFound);
    expect(await intruderTab.request('turn:stop', { turnId: ack.turnId })).toEqual({ ok: true, stopping: false });
    expect(
      (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token: intruder.token })).status,
    ).toBe(404);

    await ownerTab.until(turnEnded(ack.turnId));
    expect(intruderTab.events).toEqual([]);
    expect(ownerTab.events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop' });
  });

  it('refuses a connection without a valid token', async () => {
    await expect(kiln.socket('kiln_not-a-real-token')).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });

  it('rejects empty and oversized messages with a clear error, storing nothing', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const tab = await kiln.socket(token);
    const empty = await tab.request('message:send', { conversationId: conversation.id, content: '   \n ' });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'Invalid message: content must not be empty' },
    });
    const huge = await tab.request('message:send', { conversationId: conversation.id, content: 'x'.repeat(32_001) });
    expect(huge).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'Invalid message: content must be at most 32,000 characters' },
    });
    const page = await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token });
    expect(page.json.messages).toEqual([]);
    // The limit itself is accepted.
    provider.tokens = ['ok'];
    provider.delayMs = 0;
    const atLimit = await tab.request('message:send', { conversationId: conversation.id, content: 'x'.repeat(32_000) });
    expect(atLimit).toMatchObject({ ok: true });
    await tab.until(turnEnded(atLimit.turnId));
  });

  it('sends a 10,000-token answer in at most 10.5 times the bytes of a 1,000-token one (no cumulative resends)', async () => {
    provider.delayMs = 0;
    const { token } = await kiln.register();
    const bytesFor = async (tokenCount: number) => {
      provider.tokens = numberedTokens(tokenCount).map((word) =>
        word.replace(/\d+/, (digits) => digits.padStart(5, '0')),
      );
      const conversation = await kiln.newConversation(token);
      const tab = await kiln.socket(token);
      let bytes = 0;
      tab.client.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
        if (packet.type === 'message') bytes += Buffer.byteLength(String(packet.data));
      });
      const ack = await tab.request('message:send', {
        conversationId: conversation.id,
        content: `Say ${tokenCount} words`,
      });
      await tab.until(turnEnded(ack.turnId), 60_000);
      expect(textOf(tab.events)).toBe(provider.tokens.join(''));
      return bytes;
    };
    const small = await bytesFor(1_000);
    const large = await bytesFor(10_000);
    expect(large / small).toBeLessThanOrEqual(10.5);
    expect(large / small).toBeGreaterThan(5);
  });
});
