import { withGlobal } from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<ReturnType<typeof withGlobal>['install']>;

const RealDate = Date;

/**
 * vitest's fake timers (its `FakeTimers` class, ported): `@sinonjs/fake-timers` installed on the global
 * timers and `Date`, but never on `nextTick` or `queueMicrotask`, so promises keep resolving. Before
 * `useFakeTimers`, `setSystemTime` mocks only `Date`.
 */
export class FakeTimers {
  private readonly timers = withGlobal(globalThis);
  private clock: InstalledClock | undefined;
  private mockedDate: Date | undefined;

  useFakeTimers(config: { toFake?: string[]; now?: number | Date; shouldAdvanceTime?: boolean } = {}): void {
    const now = this.mockedDate ?? RealDate.now();
    if (this.mockedDate) this.restoreDate();
    this.clock?.uninstall();
    const toFake = Object.keys(this.timers.timers).filter((name) => name !== 'nextTick' && name !== 'queueMicrotask');
    this.clock = this.timers.install({
      now,
      ...config,
      toFake: (config.toFake ?? toFake) as never,
      ignoreMissingTimers: true,
    });
  }

  useRealTimers(): void {
    if (this.mockedDate) this.restoreDate();
    this.clock?.uninstall();
    this.clock = undefined;
  }

  isFakeTimers(): boolean {
    return this.clock !== undefined;
  }

  advanceTimersByTime(ms: number): void {
    this.faked().tick(ms);
  }

  async advanceTimersByTimeAsync(ms: number): Promise<void> {
    await this.faked().tickAsync(ms);
  }

  advanceTimersToNextTimer(steps = 1): void {
    const clock = this.faked();
    for (let step = steps; step > 0; step--) {
      clock.next();
      clock.tick(0); // fires every timer due at this moment (sinonjs/fake-timers#250)
      if (clock.countTimers() === 0) break;
    }
  }

  async advanceTimersToNextTimerAsync(steps = 1): Promise<void> {
    const clock = this.faked();
    for (let step = steps; step > 0; step--) {
      await clock.nextAsync();
      clock.tick(0);
      if (clock.countTimers() === 0) break;
    }
  }

  runAllTimers(): void {
    this.faked().runAll();
  }

  async runAllTimersAsync(): Promise<void> {
    await this.faked().runAllAsync();
  }

  runOnlyPendingTimers(): void {
    this.faked().runToLast();
  }

  async runOnlyPendingTimersAsync(): Promise<void> {
    await this.faked().runToLastAsync();
  }

  runAllTicks(): void {
    this.faked().runMicrotasks();
  }

  clearAllTimers(): void {
    this.clock?.reset();
  }

  getTimerCount(): number {
    return this.faked().countTimers();
  }

  setSystemTime(time?: number | string | Date): void {
    const date = time === undefined || time instanceof RealDate ? time : new RealDate(time);
    if (this.clock) {
      this.clock.setSystemTime(date);
      return;
    }
    this.mockedDate = date ?? new RealDate();
    mockDate(this.mockedDate);
  }

  getMockedSystemTime(): Date | undefined {
    return this.clock ? new RealDate(this.clock.now) : this.mockedDate;
  }

  getRealSystemTime(): number {
    return RealDate.now();
  }

  private restoreDate(): void {
    globalThis.Date = RealDate;
    this.mockedDate = undefined;
  }

  private faked(): InstalledClock {
    if (!this.clock) {
      throw new Error(
        'A function to advance timers was called but the timers APIs are not mocked. ' +
          'Call `vi.useFakeTimers()` in the test file first.',
      );
    }
    return this.clock;
  }
}

let mockedNow: number | undefined;

/** A `Date` whose `new Date()` and `Date.now()` give the mocked time (vitest's `mockDate`). */
class MockDate extends RealDate {
  constructor(...args: unknown[]) {
    super();
    const date =
      args.length === 0
        ? new RealDate(mockedNow ?? RealDate.now())
        : new RealDate(...(args as ConstructorParameters<DateConstructor>));
    Object.setPrototypeOf(date, MockDate.prototype);
    return date;
  }

  static override now(): number {
    return new MockDate().valueOf();
  }
}

function mockDate(date: Date): void {
  const time = new RealDate(date.valueOf()).getTime();
  if (Number.isNaN(time)) throw new TypeError(`mockdate: The time set is an invalid date: ${String(date)}`);
  globalThis.Date = MockDate as DateConstructor;
  mockedNow = time;
}
