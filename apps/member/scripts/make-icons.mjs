// Writes the PWA icons (apps/member/public/icons/*.png) with node:zlib only: a red square
// with a white "U" (the Unionhall mark). Run once after changing the design:
//   node apps/member/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BRAND = [0xc8, 0x10, 0x2e, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A size×size RGBA image. `safe` is the fraction of the side the glyph may use: maskable icons
 * keep it inside the central 80% circle, so they use a smaller glyph and no rounded corners.
 */
function icon(size, { maskable }) {
  const radius = maskable ? 0 : size * 0.18;
  const glyph = maskable ? 0.42 : 0.56;
  const g0 = (size * (1 - glyph)) / 2;
  const g1 = size - g0;
  const stroke = size * glyph * 0.2;
  const cx = size / 2;
  const bowlCy = g1 - (g1 - g0) / 2.6;
  const outerR = (g1 - g0) / 2;
  const innerR = outerR - stroke;

  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let inside = true;
      if (radius > 0) {
        const dx = Math.max(radius - px, 0, px - (size - radius));
        const dy = Math.max(radius - py, 0, py - (size - radius));
        inside = dx * dx + dy * dy <= radius * radius;
      }
      // The "U": two bars down to the bowl, then a half ring.
      let glyphPixel = false;
      if (py >= g0 && py <= bowlCy) {
        glyphPixel = (px >= g0 && px <= g0 + stroke) || (px >= g1 - stroke && px <= g1);
      } else if (py > bowlCy) {
        const d = Math.hypot(px - cx, py - bowlCy);
        glyphPixel = d <= outerR && d >= innerR;
      }
      const color = !inside ? CLEAR : glyphPixel ? WHITE : BRAND;
      raw.set(color, row + 1 + x * 4);
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const files = {
  'icon-192.png': icon(192, { maskable: false }),
  'icon-512.png': icon(512, { maskable: false }),
  'icon-maskable-512.png': icon(512, { maskable: true }),
  'apple-touch-icon-180.png': icon(180, { maskable: true }),
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(join(outDir, name), data);
  console.log(`wrote ${name} (${data.length} bytes)`);
}
