/** What an upload answered: its status and its body parsed as JSON (undefined when it was not JSON). */
export interface UploadAnswer {
  status: number;
  json: unknown;
}

export interface UploadOptions {
  headers: Record<string, string>;
  /** Bytes sent so far and the request's total size. */
  onprogress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * POSTs a form with XMLHttpRequest, whose upload reports progress (fetch cannot report a request body's progress).
 * Resolves with any HTTP status; rejects with a TypeError when the network fails and an AbortError when aborted.
 */
export function uploadWithProgress(url: string, form: FormData, options: UploadOptions): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    for (const [name, value] of Object.entries(options.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onprogress?.(event.loaded, event.total);
    };
    request.onload = () => {
      let json: unknown;
      try {
        json = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        json = undefined;
      }
      resolve({ status: request.status, json });
    };
    request.onerror = () => reject(new TypeError('network error'));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (options.signal?.aborted) return reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
