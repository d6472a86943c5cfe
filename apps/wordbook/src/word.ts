/** The longest word accepted: the longest in major English dictionaries has 45 letters. */
export const MAX_WORD_LENGTH = 45;

// Letters, with single hyphens or apostrophes inside: `well-known`, `don't`, `o'clock`.
const ENGLISH_WORD = /^[A-Za-z]+(?:['-][A-Za-z]+)*$/;

/**
 * The word as it is stored (trimmed, a typographic apostrophe ’ made plain), or what is wrong
 * with it, phrased to follow the field's name.
 */
export function parseWord(value: unknown): { word: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: 'must be a string' };
  const word = value.trim().replace(/\u2019/g, "'");
  if (word === '') return { problem: 'must not be empty' };
  if (word.length > MAX_WORD_LENGTH) {
    return { problem: `must be at most ${MAX_WORD_LENGTH} characters` };
  }
  if (!ENGLISH_WORD.test(word)) {
    return {
      problem: 'must be one English word: letters, with a hyphen or an apostrophe inside only',
    };
  }
  return { word };
}

/** The key two spellings of a word share: `Hello` and `hello` are one entry. */
export function wordKey(word: string): string {
  return word.toLowerCase();
}
