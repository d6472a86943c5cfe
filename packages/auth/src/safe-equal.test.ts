import { describe, expect, it } from 'vitest';
import { safeEqual, safeEqualTo, sha256Hex } from './safe-equal';

describe('safeEqual', () => {
  it('is true for equal strings only, whatever their lengths', () => {
    expect(safeEqual('s3cret', 's3cret')).toBe(true);
    expect(safeEqual('s3cret', 's3creT')).toBe(false);
    expect(safeEqual('s3cret', 's3cret-longer')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('', 'x')).toBe(false);
    expect(safeEqual('é', 'e\u0301')).toBe(false);
  });
});

describe('safeEqualTo', () => {
  it('answers as safeEqual does against the secret it was made for', () => {
    const matches = safeEqualTo('s3cret');
    for (const given of ['s3cret', 's3creT', 's3cret-longer', '', 'e\u0301']) {
      expect(matches(given)).toBe(safeEqual(given, 's3cret'));
    }
    expect(matches('s3cret')).toBe(true);
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 text', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
