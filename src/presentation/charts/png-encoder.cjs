/**
 * PNG files from 8-bit RGBA pixels (colour type 6), every row unfiltered, streamed through zlib a band of rows at a
 * time, so that no second full copy of the image is made. Used by png-worker.cjs for the charts and by
 * tools/teams-icons for the app's icons.
 */
'use strict';
const { Buffer } = require('node:buffer');
const { once } = require('node:events');
const { crc32, createDeflate } = require('node:zlib');

const ROWS_PER_BAND = 256;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return [head, data, crc];
}

/** `pixels`: width × height × 4 bytes, rows top to bottom, straight (not premultiplied) alpha. */
async function encodePng(pixels, width, height, level = 1) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method variants, not interlaced
  const parts = [SIGNATURE, ...chunk('IHDR', header)];
  const deflate = createDeflate({ level });
  deflate.on('data', (data) => parts.push(...chunk('IDAT', data)));
  const done = once(deflate, 'end');
  const stride = width * 4;
  // One band buffer, filled again once zlib has taken in the last: each row after its filter byte (0: none).
  const band = Buffer.alloc(Math.min(ROWS_PER_BAND, height) * (stride + 1));
  for (let top = 0; top < height; top += ROWS_PER_BAND) {
    const rows = Math.min(ROWS_PER_BAND, height - top);
    for (let row = 0; row < rows; row++) pixels.copy(band, row * (stride + 1) + 1, (top + row) * stride, (top + row + 1) * stride);
    await new Promise((taken) => deflate.write(band.subarray(0, rows * (stride + 1)), taken));
  }
  deflate.end();
  await done;
  parts.push(...chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

module.exports = { encodePng };
