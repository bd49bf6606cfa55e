const minuteMs = 60_000;

/** Counts each user's requests over the last minute. */
export interface RequestCounter {
  /**
   * Counts one request of `userId` at `now` unless the user already made `limit` in the last minute; returns 0
   * when counted, otherwise how many ms until one of those leaves the window (nothing is counted then).
   */
  admit(userId: string, limit: number, now: number): number;
}

/** A sliding window per user in this process's memory: exact, for a server that runs alone. */
export class InMemoryRequestCounter implements RequestCounter {
  private readonly requests = new Map<string, number[]>();

  admit(userId: string, limit: number, now: number): number {
    const recent = (this.requests.get(userId) ?? []).filter((at) => at > now - minuteMs);
    this.requests.set(userId, recent);
    if (recent.length >= limit) return recent[0]! + minuteMs - now;
    recent.push(now);
    // Forget users who went quiet, so the map holds only the last minute's users.
    if (this.requests.size > 10_000) {
      for (const [user, times] of this.requests) if (times.at(-1)! <= now - minuteMs) this.requests.delete(user);
    }
    return 0;
  }
}
