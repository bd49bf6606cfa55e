/**
 * What an API key may do. A key holds some of these; a signed-in browser session holds all of them (and its
 * user's role decides the rest). `admin` also needs the user to be an admin.
 */
export const apiKeyScopes = ['chat', 'patterns:read', 'runs', 'projects', 'admin'] as const;

export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** An API key as its owner sees it: never the key itself, which is shown once, at creation. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters, to recognise it by (`kiln_key_AbC1…`). */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
