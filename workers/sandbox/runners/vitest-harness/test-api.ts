import { casesFromTemplate, formatEachTitle } from './format-each-title.ts';
import {
  createSuite,
  defaultHookTimeoutMs,
  type Hook,
  type Suite,
  type TaskMode,
  type TestBody,
  type TestContext,
} from './test-tree.ts';

interface Flags {
  mode: TaskMode;
  fails: boolean;
}

interface TaskOptions {
  timeout?: number;
  skip?: boolean;
  only?: boolean;
  todo?: boolean;
  fails?: boolean;
}

type Body = (...args: never[]) => unknown;
type Register = (flags: Flags, name: string, body: Body | undefined, options: TaskOptions) => void;
type Callable = (name: unknown, optionsOrBody?: unknown, bodyOrOptions?: unknown) => void;

const modeRank: Record<TaskMode, number> = { run: 0, only: 1, skip: 2, todo: 3 };

/**
 * `describe`, `it`/`test` and the hooks, registering into one tree. `describe` callbacks run in `collect()`,
 * after the test file has been imported, in order (as vitest collects). Chains as far as Kiln supports them:
 * `.skip`, `.only`, `.todo`, `.fails` (tests), `.each`, `.for`, `.skipIf(c)`, `.runIf(c)`; `.concurrent`,
 * `.sequential` and `.shuffle` are accepted and run the tests one after another, in order.
 */
export class TestCollector {
  readonly root: Suite = createSuite('', 'run');
  private current: Suite = this.root;

  readonly describe = chain(
    (flags, name, body, options) => {
      const suite = createSuite(name, body ? flags.mode : 'todo', this.current);
      suite.factory = body as (() => unknown) | undefined;
      suite.timeoutMs = options.timeout;
      this.current.children.push(suite);
    },
    { mode: 'run', fails: false },
  );

  readonly test = chain(
    (flags, name, body, options) => {
      this.current.children.push({
        kind: 'test',
        name,
        body: body as TestBody | undefined,
        mode: body ? flags.mode : 'todo',
        fails: flags.fails,
        timeoutMs: options.timeout,
        parent: this.current,
      });
    },
    { mode: 'run', fails: false },
  );

  hook(kind: keyof Suite['hooks'], hook: Hook, timeoutMs = defaultHookTimeoutMs): void {
    this.current.hooks[kind].push({ run: hook, timeoutMs });
  }

  /** Runs the `describe` callbacks, depth first; a callback that throws fails the whole file, as in vitest. */
  async collect(suite: Suite = this.root): Promise<void> {
    for (const child of suite.children) {
      if (child.kind !== 'suite') continue;
      if (child.factory) {
        const outer = this.current;
        this.current = child;
        try {
          await child.factory();
        } finally {
          this.current = outer;
        }
      }
      await this.collect(child);
    }
  }
}

function chain(register: Register, flags: Flags): Callable {
  const callable: Callable = (name, optionsOrBody, bodyOrOptions) => {
    const { options, body } = parseArguments(optionsOrBody, bodyOrOptions);
    register(withOptions(flags, options), formatName(name), body, options);
  };
  const derive = (change: Partial<Flags>) => () => chain(register, merge(flags, change));
  Object.defineProperties(callable, {
    skip: { get: derive({ mode: 'skip' }) },
    only: { get: derive({ mode: 'only' }) },
    todo: { get: derive({ mode: 'todo' }) },
    fails: { get: derive({ fails: true }) },
    concurrent: { get: derive({}) },
    sequential: { get: derive({}) },
    shuffle: { get: derive({}) },
    skipIf: { value: (condition: unknown) => chain(register, condition ? merge(flags, { mode: 'skip' }) : flags) },
    runIf: { value: (condition: unknown) => chain(register, condition ? flags : merge(flags, { mode: 'skip' })) },
    each: { value: (cases: unknown, ...values: unknown[]) => eachCases(callable, toCases(cases, values), true) },
    for: { value: (cases: unknown, ...values: unknown[]) => eachCases(callable, toCases(cases, values), false) },
    extend: { value: unsupported('test.extend (fixtures)') },
  });
  return callable;
}

/** `each` spreads array cases into the callback's arguments; `for` passes the case and then the test context. */
function eachCases(callable: Callable, cases: unknown[], spread: boolean) {
  return (name: unknown, optionsOrBody?: unknown, bodyOrOptions?: unknown) => {
    const { options, body } = parseArguments(optionsOrBody, bodyOrOptions);
    const arraysOnly = cases.every(Array.isArray);
    cases.forEach((item, index) => {
      const items = Array.isArray(item) ? item : [item];
      const caseBody = !body
        ? undefined
        : spread
          ? () => (arraysOnly ? body(...(items as never[])) : body(item as never))
          : (context: TestContext) => body(item as never, context as never);
      callable(formatEachTitle(formatName(name), items, index), options, caseBody);
    });
  };
}

function toCases(cases: unknown, values: unknown[]): unknown[] {
  if (!Array.isArray(cases)) throw new TypeError('`.each` and `.for` take an array of cases (or a template table)');
  return values.length > 0 ? casesFromTemplate(cases as string[], values) : cases;
}

function parseArguments(
  optionsOrBody: unknown,
  bodyOrOptions: unknown,
): { options: TaskOptions; body: Body | undefined } {
  if (typeof optionsOrBody === 'object' && optionsOrBody !== null) {
    return { options: optionsOrBody as TaskOptions, body: bodyOrOptions as Body | undefined };
  }
  const options =
    typeof bodyOrOptions === 'number' ? { timeout: bodyOrOptions } : ((bodyOrOptions ?? {}) as TaskOptions);
  return { options, body: optionsOrBody as Body | undefined };
}

function withOptions(flags: Flags, options: TaskOptions): Flags {
  let merged = flags;
  if (options.only) merged = merge(merged, { mode: 'only' });
  if (options.skip) merged = merge(merged, { mode: 'skip' });
  if (options.todo) merged = merge(merged, { mode: 'todo' });
  if (options.fails) merged = merge(merged, { fails: true });
  return merged;
}

/** A skip or todo is never undone by a later `.only` in the same chain. */
function merge(flags: Flags, change: Partial<Flags>): Flags {
  const mode = change.mode && modeRank[change.mode] > modeRank[flags.mode] ? change.mode : flags.mode;
  return { mode, fails: flags.fails || (change.fails ?? false) };
}

function formatName(name: unknown): string {
  if (typeof name === 'string') return name;
  if (typeof name === 'function') return name.name || '<anonymous>';
  return String(name);
}

export function unsupported(feature: string) {
  return (): never => {
    throw new Error(`${feature} is not supported when Kiln runs tests in its sandbox`);
  };
}
