import { EntitySchema } from 'typeorm';

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  role: 'admin' | 'member';
  createdAt: Date;
  updatedAt: Date;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    email: { type: 'text' },
    name: { type: 'text', nullable: true },
    passwordHash: { name: 'password_hash', type: 'text' },
    role: { type: 'text' },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz', updateDate: true },
  },
});
