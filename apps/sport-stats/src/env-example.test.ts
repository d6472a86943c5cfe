import { readFileSync } from 'node:fs';
import { envExampleNames, settingsRead } from '@repo/http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('.env.example', () => {
  it('names exactly the settings the app reads', () => {
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    expect(envExampleNames(text)).toEqual(settingsRead(loadConfig));
  });
});
