// Inputs that have broken real servers, for the property checker to send.

// Strings that have broken real parsers: prototype keys, a lone surrogate (not valid UTF-16, so
// not encodable as UTF-8), a NUL, a BOM, right-to-left and zero-width marks, path tricks, markup.
export const NASTY_STRINGS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '\ud800',
  'a\udfffb',
  '\u0000',
  '\ufeffx',
  '\u202eabc',
  'a\u200bb',
  '😀',
  'é',
  '  ',
  '../..',
  '%2e%2e',
  '<script>',
  "'; --",
  '\\',
  'null',
];

// Query strings a lax parser might take for a number, a list or nothing.
export const QUERY_JUNK = [
  '',
  'abc',
  '1.5',
  '-1',
  '1e3',
  ' 7',
  '0x1F',
  'Infinity',
  'NaN',
  'true',
  '99999999999999999999',
  '[]',
  '{}',
];
// Segments that are not what they seem once decoded, or cannot be decoded at all.
export const ODD_SEGMENTS = [
  '%',
  '%zz',
  '%ED%A0%80',
  '%C0%AF',
  '%00',
  '..',
  '%2e%2e',
  '.',
  'a%2Fb',
  '%20',
  '~',
  'a;b=c',
];
export const MALFORMED_JSON = [
  '{',
  '{"a":',
  '{"a":1}}',
  'nul',
  "{'a':1}",
  '[1,]',
  '\u0000',
  '{"a":"\\x"}',
  '{"a":1,}',
];
export const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
];
