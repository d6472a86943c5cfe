import { pngSize } from '@repo/manifest';
import type { Rule } from './rules';

/** What a linter knows of a logo: its bytes. */
export interface LogoInput {
  bytes: Buffer;
}

export interface ImageInfo {
  format: 'png' | 'jpeg' | 'gif' | 'unknown';
  width?: number;
  height?: number;
  /** A PNG signature with no whole IHDR chunk after it. */
  truncated?: true;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format and, for PNG and JPEG, the size of an image, read from its first bytes. */
export function imageInfo(bytes: Buffer): ImageInfo {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    const size = pngSize(bytes); // undefined when the IHDR chunk is cut short
    return size ? { format: 'png', ...size } : { format: 'png', truncated: true };
  }
  if (bytes.toString('latin1', 0, 4) === 'GIF8') return { format: 'gif' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC).
    for (let at = 2; at + 9 < bytes.length; at += 2 + bytes.readUInt16BE(at + 2)) {
      const marker = bytes[at + 1]!;
      if (bytes[at] !== 0xff) break;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          format: 'jpeg',
          height: bytes.readUInt16BE(at + 5),
          width: bytes.readUInt16BE(at + 7),
        };
      }
    }
    return { format: 'jpeg' };
  }
  return { format: 'unknown' };
}

export const LOGO_RULES: readonly Rule<LogoInput>[] = [
  {
    id: 'logo/format',
    severity: 'error',
    path: '$.logo_url',
    fix: 'serve the logo as a PNG or JPEG (hosts do not accept GIF)',
    check: ({ bytes }) => {
      const { format, truncated } = imageInfo(bytes);
      if (truncated) {
        const message = `the logo starts as a PNG but is cut short (${bytes.length} bytes)`;
        return [{ path: '$.logo_url', message }];
      }
      return format === 'png' || format === 'jpeg'
        ? []
        : [
            {
              path: '$.logo_url',
              message: format === 'gif' ? 'the logo is a GIF' : 'the logo is neither PNG nor JPEG',
            },
          ];
    },
  },
  {
    id: 'logo/size',
    severity: 'warning',
    path: '$.logo_url',
    fix: 'make the logo square, 512x512 pixels as hosts recommend',
    check: ({ bytes }) => {
      const { width, height } = imageInfo(bytes);
      return width !== undefined && (width !== height || width < 128)
        ? [{ path: '$.logo_url', message: `the logo is ${width}x${height}` }]
        : [];
    },
  },
];
