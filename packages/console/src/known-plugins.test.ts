import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT as sportStats } from 'sport-stats/src/config';
import { DEFAULT_PORT as todoNoauth } from 'todo-noauth/src/config';
import { DEFAULT_PORT as todoOauth, DEV } from 'todo-oauth/src/config';
import { DEFAULT_PORT as todoService } from 'todo-service/src/config';
import { DEFAULT_PORT as wordbook } from 'wordbook/src/config';
import { KNOWN_PLUGINS } from './known-plugins';

describe('the plugins the console lists', () => {
  it('are the five apps at the ports they listen on in pnpm dev', () => {
    const ports = { sportStats, todoNoauth, todoService, todoOauth, wordbook };
    expect(KNOWN_PLUGINS.map((p) => [p.name, Number(new URL(p.url).port)])).toEqual([
      ['sport-stats', ports.sportStats],
      ['todo-noauth', ports.todoNoauth],
      ['todo-service', ports.todoService],
      ['todo-oauth', ports.todoOauth],
      ['wordbook', ports.wordbook],
    ]);
  });

  it('sign in to todo-oauth with its development client', () => {
    expect(KNOWN_PLUGINS.find((p) => p.name === 'todo-oauth')?.oauth).toEqual({
      clientId: DEV.clientId,
      clientSecret: DEV.clientSecret,
      redirectUri: DEV.redirectUris,
    });
  });
});
