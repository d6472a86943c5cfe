import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '@repo/store';
import { createApp } from './app';
import { BOOK_HEADER, DEFAULT_BOOK } from './book-of';
import { wordStore } from './store-word-store';
import type { WordStore } from './word-store';

let api: ReturnType<typeof request>;
let store: WordStore;

beforeEach(async () => {
  const shared = new MemoryStore();
  // The app's books, as the app keeps them in the store: under `wordbook:words:<book>`.
  store = wordStore(shared, { maxWords: 3 });
  // "Random" numbers that always pick the last word left: predictable samples.
  api = request((await createApp({ store: shared, maxWords: 3, random: () => 0.999 })).callback());
});

const bad = (message: string, field: string) => ({ error: 'bad_request', message, field });

describe('add_word', () => {
  it('adds a word to the default book and says it was added', async () => {
    const res = await api.post('/add_word').send({ word: ' serendipity ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ word: 'serendipity', added: true });
    expect(await store.list(DEFAULT_BOOK)).toEqual(['serendipity']);
  });

  it('does not add a word twice, whatever its case, and says so', async () => {
    await api.post('/add_word').send({ word: 'Hello' });
    const res = await api.post('/add_word').send({ word: 'hello' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ word: 'hello', added: false });
    expect(await store.list(DEFAULT_BOOK)).toEqual(['Hello']);
  });

  it.each([
    [{}, '`word` is required'],
    [{ word: 42 }, '`word` must be string'],
    [{ word: '' }, '`word` must not be empty'],
    [
      { word: 'two words' },
      '`word` must be one English word: letters, with a hyphen or an apostrophe inside only',
    ],
    [{ word: 'x'.repeat(46) }, '`word` must be at most 45 characters'],
  ])('rejects %j with a JSON 400 naming `word`', async (body, message) => {
    const res = await api.post('/add_word').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(bad(message, 'word'));
    expect(await store.list(DEFAULT_BOOK)).toEqual([]);
  });

  it('adds each of 300 concurrent requests once, in a book that holds them all', async () => {
    const many = request((await createApp({ store: new MemoryStore() })).callback());
    // Distinct words of letters only: `a`, `b`, … `z`, `ba`, `bb`, …
    const words = Array.from({ length: 300 }, (_, i) =>
      i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26))),
    );
    const responses = await Promise.all(words.map((word) => many.post('/add_word').send({ word })));
    expect(responses.every((res) => res.status === 200 && res.body.added)).toBe(true);
    const { wordbook } = (await many.get('/get_wordbook')).body as { wordbook: string[] };
    expect([...wordbook].sort()).toEqual([...words].sort());
  });

  it('lets exactly maxWords of 10 concurrent requests into a book, answering 409 to the rest', async () => {
    const words = ['ash', 'birch', 'cedar', 'elm', 'fir', 'oak', 'pine', 'yew', 'larch', 'maple'];
    const responses = await Promise.all(words.map((word) => api.post('/add_word').send({ word })));
    const statuses = responses.map((res) => res.status).sort();
    expect(statuses).toEqual([...Array(3).fill(200), ...Array(7).fill(409)]);
    expect(await store.list(DEFAULT_BOOK)).toHaveLength(3);
  });

  it('answers a full book with a 409 naming `word`', async () => {
    for (const word of ['a', 'b', 'c']) await store.add(DEFAULT_BOOK, word);
    const res = await api.post('/add_word').send({ word: 'd' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: 'conflict',
      message: 'the wordbook is full: delete a `word` first',
      field: 'word',
    });
  });

  it('answers a 409 naming the header when a new book would pass maxBooks', async () => {
    const app = await createApp({ store: new MemoryStore(), maxBooks: 2 });
    const add = (book: string, word: string) =>
      request(app.callback()).post('/add_word').set(BOOK_HEADER, book).send({ word });
    expect((await add('ann', 'apple')).status).toBe(200);
    expect((await add('bob', 'apple')).status).toBe(200);
    const res = await add('cy', 'apple');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: 'conflict',
      message: `no room for a new \`${BOOK_HEADER}\` book`,
      field: BOOK_HEADER,
    });
    expect((await add('ann', 'brave')).status).toBe(200); // a book already there still grows
  });
});

describe('delete_word', () => {
  beforeEach(() => store.add(DEFAULT_BOOK, 'apple'));

  it('deletes the word named in the query, in any case', async () => {
    const res = await api.delete('/delete_word').query({ word: 'APPLE' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ word: 'apple' });
    expect(await store.list(DEFAULT_BOOK)).toEqual([]);
  });

  it('still takes the guide\'s JSON body, {"word": ...}', async () => {
    const res = await api.delete('/delete_word').send({ word: 'apple' });
    expect(res.status).toBe(200);
    expect(await store.list(DEFAULT_BOOK)).toEqual([]);
  });

  it('answers a word not in the book with a JSON 404 naming `word`', async () => {
    const res = await api.delete('/delete_word').query({ word: 'pear' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: 'not_found',
      message: '`word` `pear` is not in the wordbook',
      field: 'word',
    });
  });

  it.each([
    [{}, '`word` is required'],
    [
      { word: 'no way' },
      '`word` must be one English word: letters, with a hyphen or an apostrophe inside only',
    ],
  ])('rejects the query %j with a JSON 400 naming `word`', async (query, message) => {
    const res = await api.delete('/delete_word').query(query);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(bad(message, 'word'));
  });
});

describe('get_wordbook', () => {
  it('returns the book in the order words were added, and [] for a new one', async () => {
    expect((await api.get('/get_wordbook')).body).toEqual({ wordbook: [] });
    await api.post('/add_word').send({ word: 'brave' });
    await api.post('/add_word').send({ word: 'apple' });
    expect((await api.get('/get_wordbook')).body).toEqual({ wordbook: ['brave', 'apple'] });
  });
});

describe('one wordbook per user', () => {
  it(`keeps a book per ${BOOK_HEADER}, apart from the default book`, async () => {
    await api.post('/add_word').set(BOOK_HEADER, 'ann').send({ word: 'apple' });
    await api.post('/add_word').send({ word: 'brave' });
    expect((await api.get('/get_wordbook').set(BOOK_HEADER, 'ann')).body.wordbook).toEqual([
      'apple',
    ]);
    expect((await api.get('/get_wordbook').set(BOOK_HEADER, 'bob')).body.wordbook).toEqual([]);
    expect((await api.get('/get_wordbook')).body.wordbook).toEqual(['brave']);
  });

  it(`rejects a malformed ${BOOK_HEADER} with a 400 naming it`, async () => {
    const res = await api.get('/get_wordbook').set(BOOK_HEADER, 'x'.repeat(65));
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(BOOK_HEADER);
  });
});

describe('generate_sentences', () => {
  beforeEach(async () => {
    for (const word of ['apple', 'brave', 'cloud']) await store.add(DEFAULT_BOOK, word);
  });

  it('returns word_number words sampled with the injected randomness, and the prompt', async () => {
    const res = await api.get('/generate_sentences').query({ word_number: 2 });
    expect(res.status).toBe(200);
    // The last of apple, brave, cloud; it swaps with apple, so the last of the two left is apple.
    expect(res.body.words).toEqual(['cloud', 'apple']);
    expect(res.body.prompt).toMatch(/words/);
  });

  it('returns no more words than the book holds', async () => {
    const res = await api.get('/generate_sentences').query({ word_number: 50 });
    expect(res.body.words).toHaveLength(3);
  });

  it.each([
    [{}, '`word_number` is required'],
    [{ word_number: 0 }, '`word_number` must be 1 or more'],
    [{ word_number: 'two' }, '`word_number` must be integer'],
    [{ word_number: 1.5 }, '`word_number` must be integer'],
  ])('rejects %j with a JSON 400 naming `word_number`', async (query, message) => {
    const res = await api.get('/generate_sentences').query(query);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(bad(message, 'word_number'));
  });

  it("answers the guide's POST with a JSON 405 naming GET", async () => {
    const res = await api.post('/generate_sentences').send({ word_number: 1 });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toContain('GET');
    expect(res.body.error).toBe('method_not_allowed');
  });

  it('answers an empty book with a 409 naming `word_number`', async () => {
    const res = await api
      .get('/generate_sentences')
      .set(BOOK_HEADER, 'empty')
      .query({ word_number: 1 });
    expect(res.status).toBe(409);
    expect(res.body.field).toBe('word_number');
  });
});
