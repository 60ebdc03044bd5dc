/** Pretty JSON with a closing newline, as every `--format json` prints it. */
export function asJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One line per item, with a closing newline. */
export function asLines(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Formats that draw charts (a report command writes them to --out). */
export type PictureFormat = 'png' | 'svg' | 'html';
export const pictureFormats: readonly PictureFormat[] = ['png', 'svg', 'html'];
