import type { UsageReportJson } from '../api/api-types.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Every UTC day of the report's window, oldest first (`YYYY-MM-DD`). */
export function windowDays(window: { from: string; to: string }): string[] {
  const days: string[] = [];
  const end = Date.parse(`${window.to}T00:00:00Z`);
  for (let time = Date.parse(`${window.from}T00:00:00Z`); time <= end; time += dayMs) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** One value per day of `days` from rows keyed by day (0 for a day without a row). */
export function perDay<Row extends { day: string }>(
  days: readonly string[],
  rows: readonly Row[],
  value: (row: Row) => number,
): number[] {
  const byDay = new Map(rows.map((row) => [row.day, value(row)]));
  return days.map((day) => byDay.get(day) ?? 0);
}

/** The report's daily series, filled to every day of its window (the API leaves out days without activity). */
export function usageSeries(report: UsageReportJson) {
  const days = windowDays(report.window);
  return {
    days,
    inputTokens: perDay(days, report.dailyTotals, (row) => row.inputTokens),
    outputTokens: perDay(days, report.dailyTotals, (row) => row.outputTokens),
    costUsd: perDay(days, report.dailyTotals, (row) => row.costUsd),
    runsPassed: perDay(days, report.runs.daily, (row) => row.passed),
    runsFailed: perDay(days, report.runs.daily, (row) => row.failed + row.errors),
  };
}

/** Dollars with enough digits to show small costs (a turn of a cheap model costs a fraction of a cent). */
export function formatCost(costUsd: number): string {
  if (costUsd === 0) return '$0';
  if (costUsd < 0.01) return `$${costUsd.toPrecision(2)}`;
  return `$${costUsd.toFixed(2)}`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}
