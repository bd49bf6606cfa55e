/**
 * Reads a `text/event-stream` body into the JSON objects of its `data:` lines, one per event (the `id:` and
 * `event:` lines repeat what the object says). Comments (`: keep-alive`) are skipped.
 */
export async function* serverSentEvents<Event>(body: ReadableStream<Uint8Array>): AsyncGenerator<Event> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
          .join('\n');
        if (data) yield JSON.parse(data) as Event;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
