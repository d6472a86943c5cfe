import type { Store } from '@repo/store';
import { wordKey } from './word';
import type { WordStore } from './word-store';

/** How many words a book holds unless `maxWords` says otherwise. */
export const MAX_WORDS = 1000;
/** How many books the plugin holds unless `maxBooks` says otherwise. */
export const MAX_BOOKS = 1000;

const BOOKS = 'wordbook:books';

/**
 * The wordbooks kept in `store`: one map per book under `wordbook:words:<book>`, from a word's
 * key (lowercase) to its spelling as first added, in the order added. Every call is one atomic
 * store operation, so concurrent adds never add a word twice nor a book past `maxWords`. A book
 * counts towards `maxBooks` from its first add (the map `wordbook:books`, capped the same way),
 * and keeps its place when emptied. Throws a `TypeError` when a cap is not a whole number of 1 or
 * more. `book` must be bounded (`bookOf`).
 * @example const words = wordStore(await openStore(readStoreConfig(process.env)));
 */
export function wordStore(
  store: Store,
  { maxWords = MAX_WORDS, maxBooks = MAX_BOOKS } = {},
): WordStore {
  for (const [name, cap] of Object.entries({ maxWords, maxBooks })) {
    if (!Number.isSafeInteger(cap) || cap < 1) {
      throw new TypeError(`\`${name}\` must be a whole number, 1 or more`);
    }
  }
  const key = (book: string) => `wordbook:words:${book}`;
  // Books known to be counted: a book never leaves `wordbook:books`, so each is written once.
  const counted = new Set<string>();
  return {
    list: (book) => store.mapValues(key(book)),
    async add(book, word) {
      if (!counted.has(book)) {
        const result = await store.mapAdd(BOOKS, book, '', { maxFields: maxBooks });
        if (result === 'full') return 'too-many-books';
        counted.add(book);
      }
      return store.mapAdd(key(book), wordKey(word), word, { maxFields: maxWords });
    },
    remove: (book, word) => store.mapRemove(key(book), wordKey(word)),
  };
}
