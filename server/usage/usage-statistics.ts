import type { UsageReport } from '../../protocol/usage-report.ts';
import type { UsageWindow } from './usage-window.ts';

/** What the installation used over a window: tokens, cost and intents of turns, sandbox runs and their verdicts. */
export interface UsageStatistics {
  report(window: UsageWindow): Promise<UsageReport>;
}
