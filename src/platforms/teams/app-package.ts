/**
 * The Teams app package a Teams admin uploads: manifests/teams/manifest.json with its placeholders filled in
 * (`${{NAME}}`), the Dutch localization file and the two icons, checked against the manifest's rules
 * (schema 1.22 limits, GUIDs, https URLs, icon sizes) and zipped.
 */
import { SpiegelError } from '../../domain/errors.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip.js';

export const manifestDir: string = fileURLToPath(new URL('../../../manifests/teams/', import.meta.url));

export interface AppPackageOptions {
  /** The bot's Microsoft App ID (Azure Bot registration): the manifest's botId. */
  microsoftAppId: string;
  /** The Teams app's own id; the bot's app id when not given. */
  teamsAppId?: string;
  version: string;
  publisher: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
  validDomains?: string[];
  dir?: string;
}

export class AppPackageError extends SpiegelError {
  constructor(readonly problems: string[]) {
    super('appPackage.invalid', `The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      detail: problems.join('; '),
    });
    this.name = 'AppPackageError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCALIZATION_FILES = ['nl.json'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{([A-Z_]+)\}\}/g, (match, name: string) =>
    name in values ? JSON.stringify(values[name]).slice(1, -1) : match,
  );
}

/** Width and height from a PNG's IHDR chunk; null when it is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | null {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

interface Command {
  title: string;
  description: string;
}

/** Problems with a filled manifest and its localization files (empty when it is fine). */
export function checkManifest(manifest: Record<string, unknown>, localizations: Record<string, Record<string, string>>): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(manifest);
  const left = text.match(/\$\{\{[A-Z_]+\}\}/g);
  if (left) problems.push(`placeholders left unfilled: ${[...new Set(left)].join(', ')}`);
  const get = (p: string): unknown =>
    p
      .split('.')
      .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), manifest);
  const maxLength = (what: string, value: unknown, max: number) => {
    if (typeof value !== 'string' || value.length === 0) problems.push(`${what} is missing`);
    else if (value.length > max) problems.push(`${what} has ${value.length} characters (at most ${max})`);
  };
  if (!GUID.test(String(get('id')))) problems.push(`id must be a GUID (the Teams app id), got "${String(get('id'))}"`);
  if (!/^\d+\.\d+\.\d+$/.test(String(get('version')))) problems.push(`version must look like 1.2.3, got "${String(get('version'))}"`);
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    const url = String(get(`developer.${key}`));
    if (!/^https:\/\/[^\s]+$/.test(url)) problems.push(`developer.${key} must be an https URL, got "${url}"`);
  }
  maxLength('developer.name', get('developer.name'), 32);
  const limits: Record<string, number> = { 'name.short': 30, 'name.full': 100, 'description.short': 80, 'description.full': 4000 };
  for (const [key, max] of Object.entries(limits)) maxLength(key, get(key), max);
  const bots = get('bots') as { botId?: string; commandLists?: { commands?: Command[] }[] }[] | undefined;
  const bot = bots?.[0];
  if (!bot || !GUID.test(String(bot.botId)))
    problems.push(`bots[0].botId must be the bot's Microsoft App ID (a GUID), got "${String(bot?.botId)}"`);
  bot?.commandLists?.forEach((list, l) => {
    if ((list.commands?.length ?? 0) > 10) problems.push(`bots[0].commandLists[${l}] has more than 10 commands`);
    list.commands?.forEach((command, c) => {
      maxLength(`bots[0].commandLists[${l}].commands[${c}].title`, command.title, 32);
      maxLength(`bots[0].commandLists[${l}].commands[${c}].description`, command.description, 128);
    });
  });
  for (const [file, strings] of Object.entries(localizations)) {
    for (const [key, value] of Object.entries(strings)) {
      if (key === '$schema') continue;
      const max = limits[key] ?? (key.endsWith('.title') ? 32 : key.endsWith('.description') ? 128 : 4000);
      maxLength(`${file}: ${key}`, value, max);
    }
  }
  return problems;
}

export async function buildTeamsAppPackage(options: AppPackageOptions): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const dir = options.dir ?? manifestDir;
  const values = {
    VERSION: options.version,
    TEAMS_APP_ID: options.teamsAppId ?? options.microsoftAppId,
    MICROSOFT_APP_ID: options.microsoftAppId,
    PUBLISHER: options.publisher,
    WEBSITE_URL: options.websiteUrl,
    PRIVACY_URL: options.privacyUrl,
    TERMS_URL: options.termsUrl,
  };
  const manifest = JSON.parse(fill(await readFile(path.join(dir, 'manifest.json'), 'utf8'), values)) as Record<string, unknown>;
  manifest.validDomains = options.validDomains ?? [];
  const localizations: Record<string, Record<string, string>> = {};
  for (const file of LOCALIZATION_FILES)
    localizations[file] = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, string>;
  const [color, outline] = await Promise.all([readFile(path.join(dir, 'color.png')), readFile(path.join(dir, 'outline.png'))]);

  const problems = checkManifest(manifest, localizations);
  const colorSize = pngSize(color);
  const outlineSize = pngSize(outline);
  if (colorSize?.width !== 192 || colorSize.height !== 192) problems.push('color.png must be a 192×192 PNG');
  if (outlineSize?.width !== 32 || outlineSize.height !== 32) problems.push('outline.png must be a 32×32 PNG');
  if (problems.length > 0) throw new AppPackageError(problems);

  return {
    manifest,
    zip: zip([
      { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      ...LOCALIZATION_FILES.map((file) => ({ name: file, data: Buffer.from(`${JSON.stringify(localizations[file], null, 2)}\n`) })),
      { name: 'color.png', data: color },
      { name: 'outline.png', data: outline },
    ]),
  };
}
