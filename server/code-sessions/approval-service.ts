import { z } from 'zod';
import type { LearnedPatternInput } from '../../knowledge/learning/learn-pattern.ts';
import type { PatternLearning } from '../../knowledge/learning/pattern-learning.ts';
import type { LearnedFrom } from '../../protocol/pattern-view.ts';
import type { ApprovalRequest } from '../../protocol/socket-events.ts';
import type { ApprovalRecord, SessionAttemptRecord } from '../../protocol/turn-details.ts';
import type { User } from '../../protocol/user.ts';
import type { TurnRepository } from '../chat/turn-repository.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { MessageRepository } from '../conversations/message-repository.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { UnavailableError } from '../errors/unavailable-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { ApprovalRepository } from './approval-repository.ts';

const approvalSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { message: 'must be "approve" or "reject"' }),
    note: z.string({ message: 'must be text' }).max(2_000, 'must be at most 2,000 characters').optional(),
  })
  .strict() satisfies z.ZodType<ApprovalRequest>;

/** What an approval saves: the validated code as a learned pattern. */
export type LearnPatterns = Pick<PatternLearning, 'learn'>;

const messageId = z.uuid();

/**
 * The human step of a code session: a user approves the code that passed (it becomes a learned pattern, with
 * where it came from, searchable at once) or rejects it with a note. Only the owner's answers that are code
 * sessions whose last attempt passed can be decided, once.
 */
export class ApprovalService {
  constructor(
    private readonly dependencies: {
      conversations: Pick<ConversationService, 'get'>;
      messages: Pick<MessageRepository, 'find'>;
      turns: Pick<TurnRepository, 'answersFor'>;
      approvals: ApprovalRepository;
      learning: () => LearnPatterns | undefined;
    },
  ) {}

  async decide(user: User, conversationId: string, answerId: string, input: unknown): Promise<ApprovalRecord> {
    const { decision, note } = parseInput(approvalSchema, input, 'approval');
    const conversation = await this.dependencies.conversations.get(user, conversationId);
    const answer = messageId.safeParse(answerId).success
      ? await this.dependencies.messages.find(conversation.id, answerId)
      : undefined;
    if (!answer) throw new NotFoundError('Message');
    if (answer.role !== 'assistant') {
      throw new ValidationError('Only answers can be approved.', [
        { field: 'messageId', message: 'must be an answer' },
      ]);
    }
    const record = (await this.dependencies.turns.answersFor(conversation.id, [answer.id])).get(answer.id)?.turn;
    const session = record?.details?.session;
    if (!record || answer.status === 'streaming') {
      throw new ConflictError('session_running', 'The code session is still running; decide once it has finished.');
    }
    if (!session?.outcome) throw new ConflictError('not_a_session', 'This answer is not a code session.');
    if (session.approval) {
      throw new ConflictError('already_decided', `This session was already ${session.approval.decision}d.`);
    }
    const passed = session.attempts.at(-1);
    if (decision === 'approve' && (!session.outcome.approvable || !passed?.result?.passed)) {
      throw new ConflictError(
        'not_approvable',
        session.outcome.status === 'passed'
          ? 'This code is already a stored pattern; there is nothing new to approve.'
          : 'Only code that ran and passed can be approved.',
      );
    }
    const learning = decision === 'approve' ? this.dependencies.learning() : undefined;
    if (decision === 'approve' && !learning) {
      throw new UnavailableError('The pattern store is not available, so nothing can be learned right now.');
    }
    const claimed = await this.dependencies.approvals.claim({
      messageId: answer.id,
      turnId: record.turnId,
      ownerId: user.id,
      decision,
      note: note?.trim() || null,
    });
    if (!claimed) throw new ConflictError('already_decided', 'This session was already decided.');
    const decided: ApprovalRecord = {
      decision,
      note: note?.trim() || null,
      by: user.email,
      at: new Date().toISOString(),
      patternId: null,
      duplicate: false,
    };
    if (!learning || !passed) return decided;
    try {
      const question = answer.parentId
        ? ((await this.dependencies.messages.find(conversation.id, answer.parentId))?.content ?? '')
        : '';
      // Code approved in a project's conversation may hold the project's code: it is learned into the project.
      const learned = await learning.learn({
        ...learnedPattern(passed, question, answer.content, {
          conversationId: conversation.id,
          messageId: answer.id,
          turnId: record.turnId,
          runIds: session.attempts.flatMap((attempt) => (attempt.runId ? [attempt.runId] : [])),
          approvedBy: user.email,
          approvedAt: decided.at,
        }),
        ...(conversation.projectId ? { projectId: conversation.projectId } : {}),
      });
      const at = await this.dependencies.approvals.setPattern(answer.id, learned.patternId, learned.duplicate);
      return { ...decided, at: at.toISOString(), patternId: learned.patternId, duplicate: learned.duplicate };
    } catch (error) {
      await this.dependencies.approvals.release(answer.id);
      throw error;
    }
  }
}

/** The learned pattern of a passing attempt: titled from the request, summarised from the answer's approach. */
export function learnedPattern(
  attempt: SessionAttemptRecord,
  question: string,
  answerText: string,
  learnedFrom: LearnedFrom,
): LearnedPatternInput {
  const request = question
    .replace(/^\s*\/\w+\s+/, '')
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const title = capitalise(
    request.replace(
      /^(please\s+)?(write|create|generate|implement|make|build|give me)\s+(me\s+)?(an?\s+|the\s+)?/i,
      '',
    ),
  )
    .replace(/[.?!]+$/, '')
    .slice(0, 100);
  const approach = answerText
    .split(/```/)[0]!
    .replace(/\*\*[^*]+\*\*:?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const firstSentence = /^[^.!?]{10,300}[.!?]/.exec(approach)?.[0];
  return {
    title: saysWhatItDoes(title)
      ? title
      : (namedIn(attempt.code, attempt.language) ?? `Learned ${attempt.language} code`),
    summary:
      firstSentence ??
      (request ? `Code for: ${request.slice(0, 280)}` : 'Code approved after it passed in the sandbox.'),
    language: attempt.language,
    code: attempt.code,
    tests: attempt.tests,
    questions: request ? [request.slice(0, 500)] : [],
    tags: ['learned', attempt.language],
    basedOn: attempt.patternIds,
    ...(attempt.repairs ? { fixes: { id: attempt.repairs.signatureId, message: attempt.repairs.message } } : {}),
    learnedFrom,
  };
}

/** Words that only ask to run something ("Run this please:"): a title of nothing else says nothing. */
const runWords =
  /\b(please|can|could|you|run|test|execute|this|it|that|does|do|work|works|pass|check|my|the|code|script|program|snippet)\b/gi;

function saysWhatItDoes(title: string): boolean {
  return (
    title
      .replace(runWords, ' ')
      .replace(/[^A-Za-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean).length >= 2
  );
}

/** A title from the code itself: its first function, class or exported name (`greet (python)`). */
function namedIn(code: string, language: string): string | undefined {
  const name = /^\s*(?:export\s+)?(?:async\s+)?(?:def|function|class|const|let)\s+([A-Za-z_]\w*)/m.exec(code)?.[1];
  return name ? `${name} (${language})` : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
