import { randomBytes } from 'node:crypto';
import type { Store } from '@repo/store';

const KEY_BYTES = 32;

/**
 * The CSRF HMAC key every instance on `store` shares, created by whichever asks first; rejects
 * when the store holds something that is not such a key.
 *
 * It is the first member of a set used for nothing else: an instance that finds the set empty
 * adds a key of its own, then reads the set back and takes its first member. Two instances
 * starting at once may both add one, but the set keeps arrival order, so both take the same
 * first key (a value written with `get`-then-`put` would let the later writer replace the key
 * the earlier one already signs with). Only a cold start with the set still empty adds to it.
 * @example
 * const csrf = new CsrfGuard({ secret: await sharedCsrfKey(store, 'todo-oauth'), path });
 */
export async function sharedCsrfKey(store: Store, prefix: string): Promise<Buffer> {
  const key = `${prefix}:oauth:csrf-key`;
  let members = await store.setMembers(key);
  if (members.length === 0) {
    await store.setAdd(key, randomBytes(KEY_BYTES).toString('base64url'));
    members = await store.setMembers(key);
  }
  const secret = Buffer.from(members[0] ?? '', 'base64url');
  if (secret.length !== KEY_BYTES)
    throw new Error(`the CSRF key at \`${key}\` is not ${KEY_BYTES} bytes of base64url`);
  return secret;
}
