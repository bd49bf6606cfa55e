import type { LlmProvider } from '../llm/llm-provider.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from './agent.ts';
import { relayModel } from './stream-text.ts';

/** What Kiln does, as told to users (and to the model, so it describes Kiln truthfully). */
export const capabilities = [
  '**ask**: explain code and answer questions, citing the verified patterns in my store (`/ask`)',
  '**generate**: write code and its tests, built on patterns whose tests pass (`/code`)',
  '**review**: check code you paste for bugs, security holes and performance traps (`/review`)',
  '**debug**: read an error or stack trace, name its signature and the fix (`/debug`)',
  '**migrate**: plan an upgrade between versions or frameworks from your manifest (`/migrate`)',
  '**tool**: act on files through MCP tools, e.g. “list the files in ~/project” (`/tool`)',
];

const systemPrompt = `You are Kiln, a self-hosted coding assistant, making small talk. Reply in one to three short, friendly sentences.
If asked what you can do, say it from this list and nothing else:
${capabilities.join('\n')}
Every message is routed to one of these agents; a slash command picks one.`;

type Kind = 'greeting' | 'thanks' | 'farewell' | 'about';

/** Greetings, thanks and questions about Kiln: short, friendly, and says what Kiln can do. */
export class SmalltalkAgent implements Agent {
  constructor(private readonly provider: LlmProvider) {}

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    return yield* relayModel(
      this.provider,
      {
        system: systemPrompt,
        messages: [...context.history.slice(-6), { role: 'user', content: context.message }],
        maxOutputTokens: 300,
        composed: () => composeSmalltalk(context.message),
      },
      context.signal,
    );
  }
}

function kindOf(message: string): Kind {
  const text = message.toLowerCase();
  if (/\b(thanks?|thank you|thx|ty|cheers|appreciate|great job|awesome|perfect)\b/.test(text)) return 'thanks';
  if (/\b(bye|goodbye|see you|good night|later)\b/.test(text)) return 'farewell';
  if (/\b(who|what) (are|is) (you|kiln)\b|\bwhat can you do\b|\bhelp\b|\bcapabilit|\bhow do you work\b/.test(text))
    return 'about';
  return 'greeting';
}

/** The reply without a model: which kind of small talk, then what Kiln can do (pure, so it is tested directly). */
export function composeSmalltalk(message: string): string {
  const kind = kindOf(message);
  const opening: Record<Kind, string> = {
    greeting: 'Hi! I’m Kiln, your coding assistant.',
    thanks: 'You’re welcome, glad it helped!',
    farewell: 'Bye for now! Your conversations are saved here when you come back.',
    about: 'I’m Kiln, a self-hosted coding assistant. Every message goes to the agent best suited to it:',
  };
  if (kind === 'thanks' || kind === 'farewell') return opening[kind];
  const lines = [opening[kind]];
  if (kind === 'greeting') lines.push('', 'I can help you in several ways:');
  lines.push('', ...capabilities.map((capability) => `- ${capability}`), '');
  lines.push(
    'Right now I run on my offline engine: answers are assembled from my pattern store, not generated. Set `ANTHROPIC_API_KEY`, `OPENAI_API_KEY` or `OPENAI_BASE_URL` to add a model.',
  );
  if (kind === 'greeting') lines.push('', 'What are you working on?');
  return lines.join('\n');
}
