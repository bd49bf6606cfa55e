import { runLanguages, type RunLanguage } from '../../../protocol/runs.ts';
import type { User } from '../../../protocol/user.ts';
import { ToolError } from '../../mcp/tool-error.ts';
import type { AgentTool } from '../agent-tool.ts';
import type { PatternSearch } from '../retrieve-patterns.ts';
import { describeResult } from './describe-result.ts';
import { relayRun, startRun, type SessionRuns } from './session-runs.ts';

/**
 * The tools a model has in a code session: `search_patterns` (Kiln's verified patterns) and `run_code` (the
 * sandbox, isolated from the host, so it needs no confirmation). Each is offered only where it can work.
 */
export function sessionTools(dependencies: {
  retriever: PatternSearch | undefined;
  runs: SessionRuns | undefined;
  user: User;
}): AgentTool[] {
  const tools: AgentTool[] = [];
  const { retriever, runs, user } = dependencies;
  if (retriever) {
    tools.push({
      name: 'search_patterns',
      server: 'kiln',
      tool: 'search_patterns',
      readOnly: true,
      description:
        "Searches Kiln's store of verified code patterns (code whose tests pass) by what the code does. Returns the best matches with their code.",
      inputSchema: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'What the code should do, in plain words.' },
          language: { type: 'string', enum: ['typescript', 'javascript', 'python', 'shell', 'sql'] },
        },
        required: ['query'],
      },
      async call(args) {
        const query = typeof args.query === 'string' ? args.query.trim() : '';
        if (!query) throw new ToolError('mcp_tool_failed', 'search_patterns needs a query.');
        const prefer = typeof args.language === 'string' ? args.language : undefined;
        const { results } = await retriever.search(query, { k: 3, prefer });
        if (results.length === 0) return 'No stored pattern matches.';
        return results
          .map(
            ({ pattern }) =>
              `## ${pattern.title} (${pattern.language}, id ${pattern.id})\n${pattern.summary}\n\`\`\`${pattern.language}\n${pattern.code.trimEnd()}\n\`\`\``,
          )
          .join('\n\n');
      },
    });
  }
  if (runs) {
    tools.push({
      name: 'run_code',
      server: 'kiln',
      tool: 'run_code',
      readOnly: true,
      description:
        "Runs code in Kiln's sandbox (no network, time and memory limits) and returns its output and verdict. Tests import the code from './solution' (TS/JS) or `solution` (Python).",
      inputSchema: {
        type: 'object',
        properties: {
          language: { type: 'string', enum: [...runLanguages] },
          code: { type: 'string' },
          tests: { type: 'string', description: 'vitest tests for TS/JS, unittest for Python (optional).' },
        },
        required: ['language', 'code'],
      },
      async call(args, signal) {
        const language = args.language as RunLanguage;
        if (!runLanguages.includes(language) || typeof args.code !== 'string') {
          throw new ToolError('mcp_tool_failed', `run_code needs a language (${runLanguages.join(', ')}) and code.`);
        }
        const tests = typeof args.tests === 'string' && args.tests.trim() ? args.tests : undefined;
        const started = await startRun(runs, user, { language, code: args.code, ...(tests ? { tests } : {}) });
        if (!('runId' in started)) throw new ToolError('mcp_tool_failed', `Code cannot run: ${started.reason}`);
        const relay = relayRun(runs, user, started.runId, signal);
        let step = await relay.next();
        while (!step.done) step = await relay.next();
        const ran = step.value;
        if (ran.status === 'not-run') throw new ToolError('mcp_tool_failed', ran.reason);
        return ran.passed
          ? `Passed: ${describeResult(ran.result)}.`
          : `Failed: ${describeResult(ran.result)}\n${ran.failure}`;
      },
    });
  }
  return tools;
}
