import { describe, expect, it } from 'vitest';
import { connectDocker, describeDocker } from './connect-docker.ts';

describe('connectDocker', () => {
  it('connects to a unix socket or a TCP address given as DOCKER_HOST', () => {
    expect(describeDocker(connectDocker('unix:///run/podman/podman.sock'))).toBe('unix:///run/podman/podman.sock');
    expect(describeDocker(connectDocker('tcp://docker.internal:2376'))).toBe('tcp://docker.internal:2376');
    expect(describeDocker(connectDocker('tcp://10.0.0.2'))).toBe('tcp://10.0.0.2:2375');
    expect(describeDocker(connectDocker())).toBe('unix:///var/run/docker.sock');
  });

  it('refuses what it cannot connect to, naming the forms it knows', () => {
    for (const host of ['docker.sock', 'unix://', 'ssh://user@host', 'npipe:////./pipe/docker_engine']) {
      expect(() => connectDocker(host), host).toThrow(/unix:\/\/\/path or tcp:\/\/host:port/);
    }
  });
});
