import { describe, expect, it } from 'vitest';
import { LOGO_RULES, imageInfo } from './logo-rules';
import { checkRules } from './rules';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('logo rules', () => {
  it('report a PNG cut short before its size as a finding, not a crash', () => {
    const cut = Buffer.concat([SIGNATURE, Buffer.from('\0\0\0\rIHDR')]); // 16 bytes
    expect(imageInfo(cut)).toEqual({ format: 'png', truncated: true });
    expect(checkRules(LOGO_RULES, { bytes: cut })).toEqual([
      expect.objectContaining({
        rule: 'logo/format',
        message: 'the logo starts as a PNG but is cut short (16 bytes)',
      }),
    ]);
    expect(checkRules(LOGO_RULES, { bytes: SIGNATURE })).toHaveLength(1);
  });

  it('read the size of a whole PNG header, and find a GIF', () => {
    const header = Buffer.concat([SIGNATURE, Buffer.from('\0\0\0\rIHDR'), Buffer.alloc(8)]);
    header.writeUInt32BE(512, 16);
    header.writeUInt32BE(512, 20);
    expect(imageInfo(header)).toEqual({ format: 'png', width: 512, height: 512 });
    expect(checkRules(LOGO_RULES, { bytes: Buffer.from('GIF89a') }).map((f) => f.rule)).toEqual([
      'logo/format',
    ]);
  });
});
