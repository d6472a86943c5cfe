import type { Context } from 'koa';

/**
 * The header that names whose wordbook a request uses. ERNIE Bot sends no user id to a plugin
 * whose `auth` is `none`, so its calls all use `DEFAULT_BOOK`; a gateway in front of the plugin
 * that does know the user can set this header. It identifies, it does not authenticate. Each
 * new one makes a book, so the plugin caps how many it holds (`wordStore`'s `maxBooks`).
 */
export const BOOK_HEADER = 'X-Wordbook-User';
export const DEFAULT_BOOK = 'default';

const BOOK_ID = /^[\w.@-]{1,64}$/;

/** The book a request uses: `X-Wordbook-User`, or the default book. A malformed one is a 400. */
export function bookOf(ctx: Context): string {
  const header = ctx.get(BOOK_HEADER);
  if (header === '') return DEFAULT_BOOK;
  ctx.assert(
    BOOK_ID.test(header),
    400,
    `\`${BOOK_HEADER}\` must be 1 to 64 letters, digits and \`_.@-\``,
    { field: BOOK_HEADER },
  );
  return header;
}
