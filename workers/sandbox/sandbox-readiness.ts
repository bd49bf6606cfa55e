import type { ReadinessCheck } from '../../platform/infrastructure/readiness.ts';
import type { SandboxChoice } from './choose-sandbox.ts';

/**
 * `/ready`'s `sandbox` check: which sandbox runs code (proven by a hello-world run at start-up), or why code
 * execution is off and how to turn it on. Never required: chat works without execution.
 */
export function sandboxReadinessCheck(choice: () => SandboxChoice | undefined): ReadinessCheck {
  return {
    name: 'sandbox',
    required: false,
    async run() {
      const current = choice();
      if (!current) return { ok: false, detail: 'checking the sandbox with a hello-world run' };
      return current.sandbox ? { ok: true, detail: current.detail } : { ok: false, detail: current.reason };
    },
  };
}
