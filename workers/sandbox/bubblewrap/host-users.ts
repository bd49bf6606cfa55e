import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  isProcessAlive,
  processIdentity,
  type ProcessIdentity,
} from '../../../platform/infrastructure/process-identity.ts';

/** The host identity a run's bwrap process runs as. */
export interface HostUser {
  uid: number;
  gid: number;
  /** The uid is lent to this run alone: its processes are the run's, and RLIMIT_NPROC counts only them. */
  dedicated: boolean;
  /** Lent for the first time by this Kiln process, or taken over from a process that died holding it: what was
   * left under it may still run. */
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
 * and Kiln processes on one host share the range through claim files (UidClaims): the server's in-process
 * workers and `npm run worker` never lend one uid at once, since one's sweep of it would kill the other's run.
 * Kiln processes in containers of one kernel do not see each other's claims: give them ranges of their own.
 * A run waits while all are lent.
 *
 * Not as root, every run is Kiln's own uid: RLIMIT_NPROC then counts all of that uid's processes, so a run's
 * limit is raised by what the uid already runs, concurrent runs share the headroom, and leftovers cannot be told
 * from Kiln's own processes (the PID namespace still ends them with the run).
 */
export class HostUsers {
  private readonly free: number[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly lentBefore = new Set<number>();

  constructor(
    private readonly current: { uid: number; gid: number },
    range: UidRange,
    private readonly claims = new UidClaims(path.join(os.tmpdir(), 'kiln-sandbox-uids')),
  ) {
    if (current.uid === 0) for (let index = 0; index < range.count; index++) this.free.push(range.first + index);
  }

  async lend(): Promise<HostUser> {
    if (this.current.uid !== 0) return { ...this.current, dedicated: false, firstLend: false };
    for (;;) {
      for (const [index, uid] of this.free.entries()) {
        const claim = this.claims.claim(uid);
        if (!claim.claimed) continue; // another Kiln process has it now
        this.free.splice(index, 1);
        const firstLend = !this.lentBefore.has(uid) || claim.tookOverFromTheDead;
        this.lentBefore.add(uid);
        return { uid, gid: uid, dedicated: true, firstLend };
      }
      // All lent: wait for one of this process's runs to end, or look again soon (another process may free one).
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        setTimeout(resolve, 100).unref();
      });
    }
  }

  /**
   * `reusable` is false when processes of the uid could not be killed: it is then never lent again (its claim
   * stays this process's, so no other Kiln process takes it while this one lives).
   */
  giveBack(user: HostUser, reusable: boolean) {
    if (!user.dedicated || !reusable) return;
    this.claims.release(user.uid);
    this.free.push(user.uid);
    this.waiting.shift()?.();
  }
}

/**
 * Which Kiln process holds which uid, across processes: a file per uid, created exclusively, naming its holder
 * (pid and start time). A claim whose holder has died is taken over. Written by hand: no npm library does
 * cross-process locks without a native addon, and these are a few bytes written once per run.
 */
export class UidClaims {
  constructor(private readonly directory: string) {}

  claim(uid: number): { claimed: boolean; tookOverFromTheDead: boolean } {
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const file = path.join(this.directory, `${uid}.claim`);
    let tookOverFromTheDead = false;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const descriptor = openSync(file, 'wx', 0o600);
        writeSync(descriptor, JSON.stringify(processIdentity(process.pid)));
        closeSync(descriptor);
        return { claimed: true, tookOverFromTheDead };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      // Held by a live process (this one included), or being written this instant: not ours to take.
      if (!holder || isProcessAlive(holder)) return { claimed: false, tookOverFromTheDead: false };
      try {
        unlinkSync(file);
      } catch {
        // another process took it over first
      }
      tookOverFromTheDead = true;
    }
    return { claimed: false, tookOverFromTheDead: false };
  }

  release(uid: number) {
    try {
      unlinkSync(path.join(this.directory, `${uid}.claim`));
    } catch {
      // already gone
    }
  }
}

function readHolder(file: string): ProcessIdentity | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProcessIdentity;
  } catch {
    return undefined;
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
