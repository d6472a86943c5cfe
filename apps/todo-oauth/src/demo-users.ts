import { safeEqual, type UserDirectory } from '@repo/auth';

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * Parses `DEMO_USERS`: `name:password` pairs separated by commas (`alice:pw1,bob:pw2`). Names are
 * lowercase letters, digits and `._-`; a password may hold any character but a comma. Throws
 * naming the variable and the entry at fault, never the password.
 */
export function parseDemoUsers(value: string, setting = 'DEMO_USERS'): Map<string, string> {
  const users = new Map<string, string>();
  for (const [index, entry] of value.split(',').entries()) {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, Math.max(colon, 0)).trim();
    const password = entry.slice(colon + 1);
    if (colon < 1 || !NAME.test(name) || password === '') {
      throw new Error(
        `\`${setting}\` entry ${index + 1} must be \`name:password\` with a lowercase name`,
      );
    }
    if (users.has(name)) throw new Error(`\`${setting}\` names \`${name}\` twice`);
    users.set(name, password);
  }
  return users;
}

/** The demo users as the sign-in page's directory; passwords compared in constant time. */
export function demoUsers(users: ReadonlyMap<string, string>): UserDirectory {
  return {
    async authenticate(username, password) {
      const expected = users.get(username);
      // Compare even for an unknown name, so both answers take the same time.
      const match = safeEqual(password, expected ?? 'no such user: nothing matches');
      return expected !== undefined && match ? username : undefined;
    },
  };
}
