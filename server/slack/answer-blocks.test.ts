import type { ActionsBlock, ContextBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  answerBlocks,
  feedbackAck,
  feedbackActionIds,
  parseFeedbackValue,
  type AnswerFooter,
} from './answer-blocks.ts';

const footer = (overrides: Partial<AnswerFooter> = {}): AnswerFooter => ({
  intent: 'ask',
  citations: [
    { patternId: 'p1', title: 'Retry with backoff', project: null },
    { patternId: 'p2', title: 'Debounce', project: { id: 'web', name: 'Web app' } },
  ],
  conversationUrl: 'https://kiln.example.com/c/conv-1',
  patternUrl: (patternId) => `https://kiln.example.com/patterns/${patternId}`,
  answerId: 'msg-9',
  conversationId: 'conv-1',
  ...overrides,
});

const contextTexts = (blocks: KnownBlock[]) =>
  blocks
    .filter((block): block is ContextBlock => block.type === 'context')
    .map((block) => block.elements.map((element) => ('text' in element ? element.text : '')).join(' '));

/** What Slack checks before it accepts a message's blocks. */
function expectAcceptedBySlack(blocks: KnownBlock[]) {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    expect(['context', 'actions', 'section']).toContain(block.type);
    if (block.type === 'context') {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const element of block.elements) {
        expect(element.type).toBe('mrkdwn');
        if ('text' in element) expect(element.text.length).toBeLessThanOrEqual(3_000);
      }
    }
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(25);
      for (const element of block.elements) {
        if (element.type !== 'button') throw new Error(`unexpected ${element.type}`);
        expect(element.text).toMatchObject({ type: 'plain_text', emoji: true });
        expect(element.text.text.length).toBeLessThanOrEqual(75);
        expect(element.value?.length ?? 0).toBeLessThanOrEqual(2_000);
      }
    }
  }
}

describe('answerBlocks', () => {
  it('lists the sources, who answered and a link to Kiln, then the feedback buttons', () => {
    const blocks = answerBlocks(footer());
    expectAcceptedBySlack(blocks);
    expect(blocks.map((block) => block.type)).toEqual(['context', 'context', 'actions']);
    expect(contextTexts(blocks)).toEqual([
      'Sources: <https://kiln.example.com/patterns/p1|Retry with backoff>, ' +
        '<https://kiln.example.com/patterns/p2|Debounce> (Web app)',
      'Answered by Kiln · intent: ask · <https://kiln.example.com/c/conv-1|Open in Kiln>',
    ]);
    const actions = blocks[2] as ActionsBlock;
    expect(actions.elements).toMatchObject([
      { type: 'button', action_id: 'kiln_feedback_up', text: { type: 'plain_text', text: '👍', emoji: true } },
      { type: 'button', action_id: 'kiln_feedback_down', text: { type: 'plain_text', text: '👎', emoji: true } },
    ]);
    expect(feedbackActionIds).toEqual({ up: 'kiln_feedback_up', down: 'kiln_feedback_down' });
    for (const button of actions.elements) {
      expect(parseFeedbackValue('value' in button ? button.value : undefined)).toEqual({
        conversationId: 'conv-1',
        answerId: 'msg-9',
      });
    }
  });

  it('starts with the notice when the answer was cut short', () => {
    const blocks = answerBlocks(footer({ notice: 'Stopped.', citations: [] }));
    expectAcceptedBySlack(blocks);
    expect(blocks.map((block) => block.type)).toEqual(['context', 'context', 'actions']);
    expect(contextTexts(blocks)[0]).toBe(':warning: Stopped.');
  });

  it('escapes titles and project names, so a hostile title cannot ping or break its link', () => {
    const blocks = answerBlocks(
      footer({
        citations: [{ patternId: 'p|1', title: '<!channel> Tom & Jerry > all', project: { id: 'x', name: '<@U1>' } }],
        notice: 'a <b> & c',
      }),
    );
    expectAcceptedBySlack(blocks);
    const [notice, sources] = contextTexts(blocks);
    expect(notice).toBe(':warning: a &lt;b&gt; &amp; c');
    expect(sources).toBe(
      'Sources: <https://kiln.example.com/patterns/p%7C1|&lt;!channel&gt; Tom &amp; Jerry &gt; all> (&lt;@U1&gt;)',
    );
  });

  it('lists at most eight sources and counts the rest', () => {
    const citations = Array.from({ length: 30 }, (_, index) => ({ patternId: `p${index}`, title: `Pattern ${index}` }));
    const blocks = answerBlocks(footer({ citations }));
    expectAcceptedBySlack(blocks);
    const sources = contextTexts(blocks)[0] ?? '';
    expect(sources.match(/<https:/g)).toHaveLength(8);
    expect(sources).toMatch(/\|Pattern 7> and 22 more$/);
  });

  it('keeps very long titles within the 3,000 characters of a context element', () => {
    const citations = Array.from({ length: 8 }, (_, index) => ({ patternId: `p${index}`, title: '&'.repeat(1_000) }));
    const blocks = answerBlocks(footer({ citations, notice: 'n'.repeat(5_000) }));
    expectAcceptedBySlack(blocks);
    expect(contextTexts(blocks)[1]).toContain('&amp;&amp;');
  });

  it('leaves out the buttons rather than break the 2,000-character value limit', () => {
    const blocks = answerBlocks(footer({ answerId: 'm'.repeat(2_000) }));
    expect(blocks.map((block) => block.type)).not.toContain('actions');
  });
});

describe('feedbackAck', () => {
  it('thanks the rater in a way that says which way they rated', () => {
    expect(feedbackAck('up')).toBe('Thanks — noted as helpful.');
    expect(feedbackAck('down')).toBe('Thanks — noted as not helpful.');
  });
});

describe('parseFeedbackValue', () => {
  it('reads what the buttons carry', () => {
    expect(parseFeedbackValue('{"c":"conv-1","m":"msg-9"}')).toEqual({ conversationId: 'conv-1', answerId: 'msg-9' });
  });

  it('gives undefined for anything malformed, without throwing', () => {
    for (const value of [
      undefined,
      null,
      42,
      { c: 'a', m: 'b' },
      '',
      'not json',
      '{"c":"a"',
      'null',
      '[]',
      '"text"',
      '{"c":"a"}',
      '{"c":1,"m":"b"}',
      '{"c":"","m":"b"}',
      JSON.stringify({ c: 'a', m: 'b'.repeat(2_000) }),
    ]) {
      expect(parseFeedbackValue(value)).toBeUndefined();
    }
  });
});
