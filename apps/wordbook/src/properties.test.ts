import { expect } from 'vitest';
import { describeSpecProperties, type ReadCall, type SpecModel } from '@repo/contract-testing';
import { createApp } from './app';

// The expected behaviour, written from the README and the spec, not from the code: a book is an
// ordered set of words that ignores case, capped at MAX_WORDS; a word is stored trimmed, with a
// typographic apostrophe made plain; adding one it has is a 200 with `added: false`; deleting one
// it lacks is a 404; `X-Wordbook-User` picks the book, and no header means the default book.
const MAX_WORDS = 1000; // the in-memory store's cap: these sequences never reach it
const BOOK = 'X-Wordbook-User';
const books = ['default', 'ann', '__proto__'];
type Books = Map<string, string[]>;

const stored = (word: unknown) =>
  String(word)
    .trim()
    .replace(/\u2019/g, "'");
const key = (word: string) => word.toLowerCase();
const find = (words: string[], word: unknown) => words.find((w) => key(w) === key(stored(word)));

const wordbookModel: SpecModel<Books> = {
  read: 'get_wordbook',
  scopes: books.map(
    (book) => ({ headers: book === 'default' ? {} : { [BOOK]: book } }) as ReadCall,
  ),
  headers: { [BOOK]: books },
  values: {
    word: ['apple', 'Apple', ' apple ', 'pear', 'don\u2019t', "don't", 'well-known', 'two words'],
    word_number: [1, 2, 5],
  },
  init: (bodies) =>
    new Map(books.map((book, i) => [book, (bodies[i] as { wordbook: string[] }).wordbook])),
  apply(state, { operationId, input, status, body }) {
    // An empty header is no header: the default book.
    const words = state.get(input.headers[BOOK] || 'default');
    if (!words) return state;
    const answer = body as { word: string; added?: boolean; words?: string[] };
    if (operationId === 'add_word') {
      if (status === 200) {
        const { word } = input.body as { word: string };
        expect(answer.word).toBe(stored(word));
        expect(answer.added).toBe(find(words, word) === undefined);
        if (answer.added) words.push(stored(word));
      }
      if (status === 409) expect(words.length).toBeGreaterThanOrEqual(MAX_WORDS);
    }
    if (operationId === 'delete_word') {
      // The spec puts `word` in the query; a DELETE body's `word` is taken when the query has none.
      const fromBody = (input.body as { word?: unknown } | undefined)?.word;
      const word = input.query.word ?? (typeof fromBody === 'object' ? undefined : fromBody);
      if (status === 200) {
        expect(answer.word).toBe(find(words, word));
        words.splice(words.indexOf(answer.word), 1);
      }
      if (status === 404) expect(find(words, word)).toBeUndefined();
    }
    if (operationId === 'generate_sentences') {
      if (status === 200 && answer.words)
        expect(words).toEqual(expect.arrayContaining(answer.words));
      if (status === 409) expect(words).toEqual([]);
    }
    return state;
  },
  expected: (state) => books.map((book) => ({ wordbook: state.get(book) })),
};

describeSpecProperties('wordbook', {
  createApp: () => createApp(),
  headers: { [BOOK]: books },
  model: wordbookModel,
});
