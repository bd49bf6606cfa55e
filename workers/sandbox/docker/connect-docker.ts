import Dockerode from 'dockerode';

export const defaultDockerHost = 'unix:///var/run/docker.sock';

/**
 * A dockerode client for a DOCKER_HOST value: `unix:///path/to.sock` or `tcp://host:port` (port 2375 when left
 * out). The address is passed whole, so dockerode's own reading of DOCKER_HOST and friends never applies.
 */
export function connectDocker(dockerHost = defaultDockerHost): Dockerode {
  const url = parseDockerHost(dockerHost);
  if (url.protocol === 'unix:') return new Dockerode({ socketPath: url.pathname, host: undefined, protocol: 'http' });
  return new Dockerode({ host: url.hostname, port: Number(url.port || 2375), protocol: 'http', socketPath: undefined });
}

/** Where a client connects, as a DOCKER_HOST value, for messages. */
export function describeDocker(docker: Dockerode): string {
  const modem = docker.modem as { socketPath?: unknown; host?: string; port?: number | string };
  if (typeof modem.socketPath === 'string') return `unix://${modem.socketPath}`;
  return `tcp://${modem.host ?? 'localhost'}:${modem.port ?? 2375}`;
}

function parseDockerHost(dockerHost: string) {
  let url: URL;
  try {
    url = new URL(dockerHost);
  } catch {
    throw new Error(`DOCKER_HOST ${JSON.stringify(dockerHost)} is not unix:///path or tcp://host:port`);
  }
  if ((url.protocol === 'unix:' && url.pathname) || (url.protocol === 'tcp:' && url.hostname)) return url;
  throw new Error(`DOCKER_HOST ${JSON.stringify(dockerHost)} is not unix:///path or tcp://host:port`);
}
