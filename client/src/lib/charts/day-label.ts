/** A chart's day (`YYYY-MM-DD`, UTC) as a short label in the reader's locale: "Dec 5". */
export function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
