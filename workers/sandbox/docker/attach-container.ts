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

/**
 * Attaches to a created container's stdin, stdout and stderr: the raw, upgraded connection, multiplexed as
 * Docker frames (no TTY); ending it closes the container's stdin. Done by hand because dockerode's `attach`
 * sends its options as a JSON request body, which Podman hands to the container as the first bytes of stdin
 * (Docker drops them), and without a body it never sends the request at all.
 */
export function attachContainer(modem: ModemAddress, containerId: string): Promise<Duplex> {
  const query = 'stream=1&stdin=1&stdout=1&stderr=1';
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
