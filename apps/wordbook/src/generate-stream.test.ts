import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { BOOK_HEADER, DEFAULT_BOOK } from './book-of';
import { MemoryStore } from '@repo/store';
import { wordStore } from './store-word-store';

// generate_sentences as ERNIE streams it: over a real socket, with `Accept: text/event-stream`.

let server: Server;
let base: string;

beforeEach(async () => {
  const store = new MemoryStore();
  const words = wordStore(store);
  for (const word of ['apple', 'brave', 'cloud']) await words.add(DEFAULT_BOOK, word);
  const app = await createApp({ store, random: () => 0 });
  server = app.listen(0, '127.0.0.1');
  await new Promise((ready) => server.once('listening', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const stream = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/generate_sentences?${query}`, {
    headers: { Accept: 'text/event-stream', ...headers },
  });

/** The events of a finished stream: each must be exactly one `data:` line of JSON. */
function events(text: string): unknown[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((event) => {
      expect(event).toMatch(/^data: [^\n]+$/);
      return JSON.parse(event.slice('data: '.length));
    });
}

describe('generate_sentences, streamed', () => {
  it('sends progress events first and the result, the same as the JSON form, last', async () => {
    const res = await stream('word_number=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const all = events(await res.text());
    const json = await (await fetch(`${base}/generate_sentences?word_number=2`)).json();
    expect(all.at(-1)).toEqual(json);
    expect(json).toMatchObject({ words: ['apple', 'brave'] });
    const progress = all.slice(0, -1);
    expect(progress).toHaveLength(3);
    for (const event of progress) expect(event).toEqual({ progress: expect.any(String) });
  });

  it('ends with an error event, not a hang, when the book is empty', async () => {
    const res = await stream('word_number=1', { [BOOK_HEADER]: 'empty' });
    expect(res.status).toBe(200);
    expect(events(await res.text()).at(-1)).toEqual({
      error: 'conflict',
      message: 'the wordbook is empty: add a `word` first',
      field: 'word_number',
    });
  });

  it('answers bad input with a JSON 400 before any stream opens', async () => {
    const res = await stream('word_number=0');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ field: 'word_number' });
  });

  it('lets ERNIE read it cross-origin', async () => {
    const res = await stream('word_number=1', { Origin: 'https://yiyan.baidu.com' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://yiyan.baidu.com');
    await res.text();
  });
});
