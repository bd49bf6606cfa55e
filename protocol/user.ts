/** A Kiln account as services see it (never with its password hash). */
export interface User {
  id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'member';
  createdAt: Date;
}
