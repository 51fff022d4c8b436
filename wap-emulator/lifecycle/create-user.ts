import { key, AdminStore } from '../admin/admin-store';
import type { User } from '../contract/wap-types';

export interface UserInput { Name: string; Email?: string; State?: User['State'] }

/** WAP names a user by the e-mail address it signs in with; `Email` defaults to the name. */
export function createUser(store: AdminStore, input: UserInput, now: Date):
  { ok: true; value: User } | { ok: false; error: 'user_exists' } {
  if (store.users.has(key(input.Name))) return { ok: false, error: 'user_exists' };
  const user: User = {
    Name: input.Name, Email: input.Email ?? input.Name, State: input.State ?? 0, SubscriptionIds: [],
    CreatedTime: now.toISOString(),
  };
  store.users.set(key(input.Name), user);
  return { ok: true, value: user };
}
