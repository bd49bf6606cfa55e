/**
 * A tool call's arguments as the vendors stream them (JSON text, in fragments) turned into the value the port
 * promises: `{}` for none, the parsed JSON, or the text itself when the model wrote something that is not JSON
 * (the caller answers that with an error result instead of the adapter failing the whole answer).
 */
export function parseToolArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
