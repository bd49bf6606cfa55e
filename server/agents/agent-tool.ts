import type { LlmTool } from '../llm/llm-provider.ts';

/**
 * A tool an agent offers a model: what the model sees (`name`, `description`, `inputSchema`), what users see
 * (`server`, `tool`), whether it only reads, and how to call it. `call` answers the text the model gets back and
 * throws `ToolError` for a failure the model should hear about.
 */
export interface AgentTool extends LlmTool {
  server: string;
  tool: string;
  /** False for anything not known to only read: such a call waits for the user's confirmation. */
  readOnly: boolean;
  call(args: Record<string, unknown>, signal: AbortSignal): Promise<string>;
}

/** A model-facing tool name: letters, digits, `_` and `-`, at most 64 characters, unique within `taken`. */
export function modelToolName(server: string, tool: string, taken: Set<string>): string {
  const base = `${server}__${tool}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  let name = base;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base.slice(0, 57)}_${suffix}`;
  taken.add(name);
  return name;
}
