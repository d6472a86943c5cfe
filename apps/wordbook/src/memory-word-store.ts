import { wordKey } from './word';
import type { AddResult, WordStore } from './word-store';

/** A `WordStore` in process memory, each book capped in size: gone when the process exits. */
export class MemoryWordStore implements WordStore {
  // Maps, not objects: a book or a word called `__proto__` is just a name. Each book maps a
  // word's key to its spelling, in insertion order.
  readonly #books = new Map<string, Map<string, string>>();
  readonly #maxWords: number;

  constructor(options: { maxWords?: number } = {}) {
    this.#maxWords = options.maxWords ?? 1000;
  }

  async list(book: string): Promise<string[]> {
    return [...(this.#books.get(book)?.values() ?? [])];
  }

  async add(book: string, word: string): Promise<AddResult> {
    let words = this.#books.get(book);
    if (words?.has(wordKey(word))) return 'exists';
    if ((words?.size ?? 0) >= this.#maxWords) return 'full';
    if (!words) this.#books.set(book, (words = new Map()));
    words.set(wordKey(word), word);
    return 'added';
  }

  async remove(book: string, word: string): Promise<string | undefined> {
    const words = this.#books.get(book);
    const stored = words?.get(wordKey(word));
    if (stored === undefined) return undefined;
    words!.delete(wordKey(word));
    if (words!.size === 0) this.#books.delete(book);
    return stored;
  }
}
