import { z } from 'zod';
import { testReportPrefix, type TestReport } from './test-report-marker.ts';

const testReportSchema = z.object({
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failures: z.array(z.object({ name: z.string(), message: z.string() })),
});

/**
 * Finds the report line a harness printed with this run's nonce (the last one, if a program printed look-alikes
 * before it) and takes it out of stdout. A line cut short (output limit, killed run) or malformed is no report.
 */
export function readTestReport(stdout: string, nonce: string): { stdout: string; report: TestReport | undefined } {
  const marker = `${testReportPrefix} ${nonce} `;
  const start = stdout.lastIndexOf(marker);
  if (start === -1) return { stdout, report: undefined };
  const end = stdout.indexOf('\n', start);
  if (end === -1) return { stdout: stdout.slice(0, start), report: undefined };
  const remaining = stdout.slice(0, start) + stdout.slice(end + 1);
  try {
    const parsed = testReportSchema.safeParse(JSON.parse(stdout.slice(start + marker.length, end)));
    return { stdout: remaining, report: parsed.success ? parsed.data : undefined };
  } catch {
    return { stdout: remaining, report: undefined };
  }
}
