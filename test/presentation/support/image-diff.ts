/** Compares two PNG images pixel by pixel: the share of pixels whose colour differs by more than a small amount. */
import { PNG } from 'pngjs';

export function differingPixelShare(actual: Buffer, expected: Buffer, channelTolerance = 24): number {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > channelTolerance) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}
