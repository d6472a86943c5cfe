/**
 * What adding a word did: added it, found it already there, found the book full, or found the
 * book new and the plugin holding its most books.
 */
export type AddResult = 'added' | 'exists' | 'full' | 'too-many-books';

/**
 * Where wordbooks live, one per book id. Async, so a durable store (a file, a database) can take
 * the in-memory one's place without touching the routes. Words are unique per book, ignoring case.
 */
export interface WordStore {
  /** The book's words in the order they were added; an empty list for a book never seen. */
  list(book: string): Promise<string[]>;
  /** Adds a word unless the book has it (in any case) or is full, or is new and there is no room. */
  add(book: string, word: string): Promise<AddResult>;
  /** Removes a word (in any case) and resolves to it as stored, or to `undefined` if absent. */
  remove(book: string, word: string): Promise<string | undefined>;
}
