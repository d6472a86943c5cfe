import type { Store } from '@repo/store';
import { wordKey } from './word';
import type { WordStore } from './word-store';

/** How many words a book holds unless `maxWords` says otherwise. */
export const MAX_WORDS = 1000;

/**
 * The wordbooks kept in `store`: one map per book under `wordbook:words:<book>`, from a word's
 * key (lowercase) to its spelling as first added, in the order added. Every call is one atomic
 * store operation, so concurrent adds never add a word twice nor a book past `maxWords`. Throws a
 * `TypeError` when `maxWords` is not a whole number of 1 or more. `book` must be bounded (`bookOf`).
 * @example const words = wordStore(await openStore(readStoreConfig(process.env)));
 */
export function wordStore(store: Store, { maxWords = MAX_WORDS } = {}): WordStore {
  if (!Number.isSafeInteger(maxWords) || maxWords < 1) {
    throw new TypeError('`maxWords` must be a whole number, 1 or more');
  }
  const key = (book: string) => `wordbook:words:${book}`;
  return {
    list: (book) => store.mapValues(key(book)),
    add: (book, word) => store.mapAdd(key(book), wordKey(word), word, { maxFields: maxWords }),
    remove: (book, word) => store.mapRemove(key(book), wordKey(word)),
  };
}
