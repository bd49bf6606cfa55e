import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../../errors/payload-too-large-error.ts';
import { ValidationError } from '../../errors/validation-error.ts';
import { receiveUpload } from './receive-upload.ts';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'kiln-upload-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const options = () => ({ field: 'file', maxBytes: 1024 * 1024, directory });

const formRequest = (form: FormData) => new Request('http://kiln.test/projects', { method: 'POST', body: form });

/** A request whose body is exactly `body`, for multipart that FormData would never produce. */
const rawRequest = (body: string | ReadableStream<Uint8Array>, boundary = 'XyZ') =>
  new Request('http://kiln.test/projects', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: 'half',
  } as RequestInit);

describe('receiveUpload', () => {
  it('streams the file to a random name in the directory and keeps the client name for display', async () => {
    const form = new FormData();
    form.append('name', 'my project');
    form.append('file', new Blob(['PK\x03\x04 pretend zip']), 'repo-main.zip');

    const upload = await receiveUpload(formRequest(form), options());

    expect(upload.fileName).toBe('repo-main.zip');
    expect(upload.bytes).toBe(16);
    expect(path.dirname(upload.path)).toBe(directory);
    expect(path.basename(upload.path)).not.toContain('repo-main');
    expect(await readFile(upload.path, 'utf8')).toBe('PK\x03\x04 pretend zip');
    expect(await readdir(directory)).toEqual([path.basename(upload.path)]);
  });

  it('takes only the first file of the field and reads past other files', async () => {
    const form = new FormData();
    form.append('other', new Blob(['not this']), 'other.zip');
    form.append('file', new Blob(['first']), 'first.zip');
    form.append('file', new Blob(['second']), 'second.zip');

    const upload = await receiveUpload(formRequest(form), options());

    expect(upload).toMatchObject({ fileName: 'first.zip', bytes: 5 });
    expect(await readFile(upload.path, 'utf8')).toBe('first');
    expect(await readdir(directory)).toHaveLength(1);
  });

  it('never uses the client file name as a path', async () => {
    const body = [
      '--XyZ',
      'Content-Disposition: form-data; name="file"; filename="../../etc/evil.zip"',
      'Content-Type: application/zip',
      '',
      'data',
      '--XyZ--',
      '',
    ].join('\r\n');

    const upload = await receiveUpload(rawRequest(body), options());

    expect(upload.fileName).toBe('evil.zip');
    expect(path.dirname(upload.path)).toBe(directory);
  });

  it('refuses a body that is not multipart/form-data', async () => {
    const request = new Request('http://kiln.test/projects', {
      method: 'POST',
      headers: { 'content-type': 'application/zip' },
      body: 'PK',
    });

    await expect(receiveUpload(request, options())).rejects.toThrow(
      new ValidationError('Send the file as multipart/form-data with a field "file".'),
    );
  });

  it('names the missing field', async () => {
    const form = new FormData();
    form.append('archive', new Blob(['data']), 'a.zip');
    form.append('file', 'a text field, not a file');

    const refusal = receiveUpload(formRequest(form), options());

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow('The upload has no file in the field "file".');
  });

  it('refuses a file over the limit, naming it in MiB, and removes the partial file', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(3 * 1024 * 1024)]), 'big.zip');

    const refusal = receiveUpload(formRequest(form), { ...options(), maxBytes: 2 * 1024 * 1024 });

    await expect(refusal).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(refusal).rejects.toThrow('The upload is larger than the limit of 2 MiB.');
    expect(await readdir(directory)).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(1000)]), 'exact.zip');

    const upload = await receiveUpload(formRequest(form), { ...options(), maxBytes: 1000 });

    expect(upload.bytes).toBe(1000);
    await expect(receiveUpload(formRequest(form), { ...options(), maxBytes: 999 })).rejects.toThrow(
      'The upload is larger than the limit of 999 bytes.',
    );
  });

  it('stops a body that keeps going in other fields past the limit', async () => {
    const form = new FormData();
    form.append('file', new Blob(['small']), 'small.zip');
    form.append('padding', new Blob([Buffer.alloc(3 * 1024 * 1024)]), 'padding.bin');

    await expect(receiveUpload(formRequest(form), { ...options(), maxBytes: 1024 })).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses a multipart body cut off mid-file and removes the partial file', async () => {
    const body = [
      '--XyZ',
      'Content-Disposition: form-data; name="file"; filename="cut.zip"',
      '',
      'the file starts but the closing boundary never comes',
    ].join('\r\n');

    const refusal = receiveUpload(rawRequest(body), options());

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow('The upload could not be read');
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses a multipart content type without a boundary', async () => {
    const request = new Request('http://kiln.test/projects', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; charset=utf-8' },
      body: 'anything',
    });

    await expect(receiveUpload(request, options())).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a body the client aborted and removes the partial file', async () => {
    const encoder = new TextEncoder();
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          const head = '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.zip"\r\n\r\n';
          controller.enqueue(encoder.encode(head + 'x'.repeat(100_000)));
        } else {
          controller.error(new Error('client went away'));
        }
      },
    });

    const refusal = receiveUpload(rawRequest(stream), options());

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    expect(await readdir(directory)).toEqual([]);
  });
});

describe('the display name', () => {
  it.each([
    ['repo.zip', 'repo.zip'],
    ['проект.zip', 'проект.zip'],
    ['C:\\Users\\me\\repo.zip', 'repo.zip'],
    ['a/b/\tred\u0085.tar.gz', 'red.tar.gz'],
    ['x'.repeat(300), 'x'.repeat(200)],
  ])('shows %j as %j', async (name, shown) => {
    const form = new FormData();
    form.append('file', new Blob(['data']), name);

    const upload = await receiveUpload(formRequest(form), options());

    expect(upload.fileName).toBe(shown);
  });

  it('falls back to "upload" for a name with nothing left to show', async () => {
    const body = ['--XyZ', 'Content-Disposition: form-data; name="file"; filename="\t"', '', 'data', '--XyZ--', ''];

    const upload = await receiveUpload(rawRequest(body.join('\r\n')), options());

    expect(upload.fileName).toBe('upload');
  });

  it('refuses control characters in part headers as malformed', async () => {
    const body = ['--XyZ', 'Content-Disposition: form-data; name="file"; filename="\u0007.zip"', '', 'x', '--XyZ--'];

    await expect(receiveUpload(rawRequest(body.join('\r\n')), options())).rejects.toThrow(
      'The upload could not be read: the form data is malformed or was cut off.',
    );
    expect(await readdir(directory)).toEqual([]);
  });
});
