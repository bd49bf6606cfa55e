/** One dependency's health, as `/ready` reports it. */
export interface CheckResult {
  ok: boolean;
  detail: string;
}

/**
 * A dependency `/ready` reports on. Required checks decide readiness; the
 * others (LLM, sandbox) are reported so a user can see what is degraded.
 */
export interface ReadinessCheck {
  name: string;
  required: boolean;
  run(): Promise<CheckResult>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

/** Runs every check at once; a check that throws or exceeds `timeoutMs` counts as failed with the reason. */
export async function evaluateReadiness(checks: ReadinessCheck[], timeoutMs = 3_000): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check) => [check, await runWithTimeout(check, timeoutMs)] as const),
  );
  return {
    ready: results.every(([check, result]) => !check.required || result.ok),
    checks: Object.fromEntries(results.map(([check, result]) => [check.name, result])),
  };
}

async function runWithTimeout(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([
      check.run().catch((error: unknown) => ({ ok: false, detail: (error as Error).message ?? String(error) })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
