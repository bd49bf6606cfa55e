/** Items pushed by event handlers, taken in order by one consumer that awaits the next. */
export class EventQueue<Item> {
  private readonly items: Item[] = [];
  private wake: (() => void) | undefined;

  push(item: Item) {
    this.items.push(item);
    this.wake?.();
    this.wake = undefined;
  }

  async next(): Promise<Item> {
    while (this.items.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.items.shift()!;
  }
}
