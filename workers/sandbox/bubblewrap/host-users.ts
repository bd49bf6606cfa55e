/** The host identity a run's bwrap process runs as. */
export interface HostUser {
  uid: number;
  gid: number;
  /** The uid is lent to this run alone: its processes are the run's, and RLIMIT_NPROC counts only them. */
  dedicated: boolean;
  /** Lent for the first time by this Kiln process: what an earlier one left under it may still run. */
  firstLend: boolean;
}

export interface UidRange {
  first: number;
  count: number;
}

/**
 * Lends host uids to runs. As root, each run gets a uid of its own from `first` to `first + count - 1` (gid the
 * same), so RLIMIT_NPROC, which the kernel counts per host uid, counts only that run's processes, and what a run
 * leaves behind can be found and killed by uid. Without this, a run started by root would run as host uid 0,
 * which RLIMIT_NPROC does not apply to, and whose count holds every root process. These uids must belong to
 * nobody else on the host (they need no /etc/passwd entry; bwrap, unprivileged, needs user namespaces for them),
 * and two Kiln processes on one host (containers included: uids are the kernel's) need ranges of their own.
 * A run waits while all are lent.
 *
 * Not as root, every run is Kiln's own uid: RLIMIT_NPROC then counts all of that uid's processes, so a run's
 * limit is raised by what the uid already runs, concurrent runs share the headroom, and leftovers cannot be told
 * from Kiln's own processes (the PID namespace still ends them with the run).
 */
export class HostUsers {
  private readonly free: number[] = [];
  private readonly waiting: ((uid: number) => void)[] = [];
  private readonly lentBefore = new Set<number>();

  constructor(
    private readonly current: { uid: number; gid: number },
    range: UidRange,
  ) {
    if (current.uid === 0) for (let index = 0; index < range.count; index++) this.free.push(range.first + index);
  }

  async lend(): Promise<HostUser> {
    if (this.current.uid !== 0) return { ...this.current, dedicated: false, firstLend: false };
    const uid = this.free.shift() ?? (await new Promise<number>((resolve) => this.waiting.push(resolve)));
    const firstLend = !this.lentBefore.has(uid);
    this.lentBefore.add(uid);
    return { uid, gid: uid, dedicated: true, firstLend };
  }

  /** `reusable` is false when processes of the uid could not be killed: it is then never lent again. */
  giveBack(user: HostUser, reusable: boolean) {
    if (!user.dedicated || !reusable) return;
    const next = this.waiting.shift();
    if (next) next(user.uid);
    else this.free.push(user.uid);
  }
}

const shared = new Map<string, HostUsers>();

/** The one HostUsers of this process for `range`: sandboxes built with the same range never lend a uid twice. */
export function sharedHostUsers(range: UidRange): HostUsers {
  const key = `${range.first}+${range.count}`;
  let users = shared.get(key);
  if (!users) {
    users = new HostUsers({ uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 }, range);
    shared.set(key, users);
  }
  return users;
}
