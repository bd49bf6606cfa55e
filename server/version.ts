import packageJson from '../package.json' with { type: 'json' };

export const kilnVersion: string = packageJson.version;
