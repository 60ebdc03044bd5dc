/**
 * The Teams app package: a valid zip holding the filled-in manifest (bot in team, group chat and personal
 * scopes, one command per verb, in English and Dutch) and our two icons; wrong input is refused with reasons.
 */
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppPackageError, buildTeamsAppPackage, pngSize } from '../../../src/platforms/teams/app-package.js';
import { commandVerbs, parseCommand } from '../../../src/presentation/commands.js';

const APP_ID = '0f3c5a1e-7b2d-4c9e-8a61-2d4b9e7f1c30';
const options = {
  microsoftAppId: APP_ID,
  version: '1.2.3',
  publisher: 'Kwaliteitsteam vzw',
  websiteUrl: 'https://spiegel.example.org',
  privacyUrl: 'https://spiegel.example.org/privacy',
  termsUrl: 'https://spiegel.example.org/terms',
  validDomains: ['spiegel.example.org'],
};

/** Reads a zip through its central directory, checking every entry's CRC. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const raw = archive.subarray(dataStart, dataStart + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(crc32(data), name).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** The alpha-weighted colours of an 8-bit RGBA PNG written with filter 0 (as our icon script writes them). */
function pixels(png: Buffer): [number, number, number, number][] {
  const size = pngSize(png)!;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(chunks));
  const out: [number, number, number, number][] = [];
  for (let y = 0; y < size.height; y++) {
    expect(rows[y * (size.width * 4 + 1)]).toBe(0);
    for (let x = 0; x < size.width; x++) {
      const o = y * (size.width * 4 + 1) + 1 + x * 4;
      out.push([rows[o]!, rows[o + 1]!, rows[o + 2]!, rows[o + 3]!]);
    }
  }
  return out;
}

describe('Teams app package', () => {
  it('zips the filled-in manifest, its Dutch strings and our icons', async () => {
    const built = await buildTeamsAppPackage(options);
    const files = unzip(built.zip);
    expect([...files.keys()]).toEqual(['manifest.json', 'nl.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
      developer: unknown;
      bots: { commandLists: { commands: { title: string }[] }[] }[];
    };
    expect(manifest).toMatchObject({ manifestVersion: '1.22', version: '1.2.3', id: APP_ID, validDomains: ['spiegel.example.org'] });
    expect(manifest.developer).toMatchObject({ name: 'Kwaliteitsteam vzw', privacyUrl: 'https://spiegel.example.org/privacy' });
    const [bot] = manifest.bots;
    expect(bot).toMatchObject({ botId: APP_ID, scopes: ['team', 'groupChat', 'personal'] });
    const titles = bot!.commandLists[0]!.commands.map((c) => c.title);
    // Teams shows at most 10 commands in its list: the ten most used, each a real verb; `help` lists every other one.
    expect(titles).toHaveLength(10);
    expect(titles).toContain('help');
    for (const title of titles) expect(commandVerbs).toContain(title);

    const nl = JSON.parse(files.get('nl.json')!.toString('utf8')) as Record<string, string>;
    const dutchTitles = titles.map((_, i) => nl[`bots[0].commandLists[0].commands[${i}].title`]);
    expect(dutchTitles.map((title) => parseCommand(title ?? '').verb)).toEqual(titles);

    expect(pngSize(files.get('color.png')!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get('outline.png')!)).toEqual({ width: 32, height: 32 });
    const outline = pixels(files.get('outline.png')!);
    expect(outline.filter(([r, g, b, a]) => a > 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
    expect(outline.some(([, , , a]) => a === 0)).toBe(true);
    expect(pixels(files.get('color.png')!).every(([, , , a]) => a === 255)).toBe(true);
  });

  it('gives the same archive for the same input', async () => {
    expect((await buildTeamsAppPackage(options)).zip.equals((await buildTeamsAppPackage(options)).zip)).toBe(true);
  });

  it('refuses a bot id that is not a GUID and pages that are not https, naming each problem', async () => {
    const error = await buildTeamsAppPackage({ ...options, microsoftAppId: 'my-bot', websiteUrl: 'http://insecure.example.org' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppPackageError);
    expect((error as AppPackageError).problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('bots[0].botId'),
        expect.stringContaining('id must be a GUID'),
        expect.stringContaining('developer.websiteUrl'),
      ]),
    );
  });
});
