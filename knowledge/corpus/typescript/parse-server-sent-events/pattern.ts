export interface ServerSentEvent {
  /** "message" unless the server sent an `event:` field. */
  event: string;
  data: string;
  /** The last `id:` seen so far (send it back as Last-Event-ID when reconnecting). */
  lastEventId: string;
  /** Reconnection delay the server asked for, in ms, if it sent one. */
  retry?: number;
}

/**
 * Parses an event stream body (e.g. `response.body`) per the WHATWG server-sent events spec.
 * An unterminated final event (no blank line after it) is discarded, as the spec requires.
 */
export async function* parseServerSentEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = new TextDecoder(); // stream mode keeps multibyte characters split across chunks intact
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastEventId = '';
  let retry: number | undefined;

  /** Handles one line; returns an event when the line is blank and data is pending. */
  const processLine = (line: string): ServerSentEvent | undefined => {
    if (line === '') {
      const message = data.length ? { event: event || 'message', data: data.join('\n'), lastEventId, ...(retry === undefined ? {} : { retry }) } : undefined;
      event = '';
      data = [];
      return message;
    }
    if (line.startsWith(':')) return undefined; // comment, often a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    return undefined;
  };

  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    // A trailing "\r" may be half of a "\r\n" split across chunks: hold it back until the next chunk.
    const held = buffer.endsWith('\r') ? '\r' : '';
    const lines = buffer.slice(0, buffer.length - held.length).split(/\r\n|\r|\n/);
    buffer = (lines.pop() ?? '') + held;
    for (const line of lines) {
      const message = processLine(line);
      if (message) yield message;
    }
  }
  if (buffer.endsWith('\r')) {
    for (const line of buffer.slice(0, -1).split(/\r\n|\r|\n/)) {
      const message = processLine(line);
      if (message) yield message;
    }
  }
}
