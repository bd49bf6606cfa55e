import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

/** Where dockerode's modem connects; its fields, which dockerode's types leave untyped. */
export interface ModemAddress {
  socketPath?: unknown;
  host?: string;
  port?: number | string;
  protocol?: string;
  version?: string;
  ca?: unknown;
  cert?: unknown;
  key?: unknown;
}

/** Which of a container's streams one attached connection carries. */
export type AttachedStreams = 'stdin' | 'output';

/**
 * Attaches to a created container's stdin, or to its stdout and stderr: the raw, upgraded connection, output
 * multiplexed as Docker frames (no TTY); ending a stdin connection closes the container's stdin. They are two
 * connections because a program that exits before reading all its stdin makes the engine close the connection,
 * and the failed write (EPIPE) destroys the socket with the output still unread in it: a fast program's whole
 * output was lost that way about once in thirty runs. Done by hand because dockerode's `attach`
 * sends its options as a JSON request body, which Podman hands to the container as the first bytes of stdin
 * (Docker drops them), and without a body it never sends the request at all.
 */
export function attachContainer(modem: ModemAddress, containerId: string, streams: AttachedStreams): Promise<Duplex> {
  const query = streams === 'stdin' ? 'stream=1&stdin=1' : 'stream=1&stdout=1&stderr=1';
  const path = `${modem.version ? `/${modem.version}` : ''}/containers/${containerId}/attach?${query}`;
  const secure = modem.protocol === 'https';
  const target =
    typeof modem.socketPath === 'string'
      ? { socketPath: modem.socketPath }
      : { host: modem.host, port: modem.port === undefined ? undefined : Number(modem.port) };
  const options: https.RequestOptions = {
    ...target,
    method: 'POST',
    path,
    headers: { Connection: 'Upgrade', Upgrade: 'tcp', 'Content-Length': '0' },
    ...(secure ? { ca: modem.ca, cert: modem.cert, key: modem.key } : {}),
  } as https.RequestOptions;
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(options);
    request.on('upgrade', (_response, socket, head) => {
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        const error = new Error(`attach answered HTTP ${response.statusCode}: ${body.trim()}`);
        reject(Object.assign(error, { statusCode: response.statusCode }));
      });
    });
    request.on('error', reject);
    request.end();
  });
}
