/**
 * `npm run package:teams`: builds the Teams app package (a zip) that a Teams admin uploads.
 *
 *   MICROSOFT_APP_ID=<bot app id> PUBLIC_URL=https://spiegel.example.org npm run package:teams
 *   npm run package:teams -- --app-id <guid> --website https://… --privacy https://… --terms https://… --out spiegel.zip
 *
 * The bot's app id is required; the Teams app id defaults to it (TEAMS_APP_ID or --teams-app-id to choose
 * another). The developer pages default to PUBLIC_URL. validDomains holds PUBLIC_URL's host.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppPackageError, buildTeamsAppPackage, manifestDir } from '../platforms/teams/app-package.js';

const usage = `Usage: npm run package:teams -- [--app-id GUID] [--teams-app-id GUID] [--publisher NAME]
                              [--website URL] [--privacy URL] [--terms URL] [--out FILE]
Environment: MICROSOFT_APP_ID, TEAMS_APP_ID, PUBLIC_URL (https).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'app-id': { type: 'string' },
      'teams-app-id': { type: 'string' },
      publisher: { type: 'string' },
      website: { type: 'string' },
      privacy: { type: 'string' },
      terms: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const env = process.env;
  const appId = values['app-id'] ?? env.MICROSOFT_APP_ID;
  if (!appId) {
    console.error(`The bot's Microsoft App ID is needed: set MICROSOFT_APP_ID or pass --app-id.\n${usage}`);
    return 1;
  }
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '');
  const website = values.website ?? publicUrl ?? '';
  const pkg = JSON.parse(await readFile(path.join(manifestDir, '../../package.json'), 'utf8')) as { version: string };
  const teamsAppId = values['teams-app-id'] ?? env.TEAMS_APP_ID;
  try {
    const built = await buildTeamsAppPackage({
      microsoftAppId: appId,
      ...(teamsAppId ? { teamsAppId } : {}),
      version: pkg.version,
      publisher: values.publisher ?? 'Spiegel',
      websiteUrl: website,
      privacyUrl: values.privacy ?? website,
      termsUrl: values.terms ?? website,
      validDomains: publicUrl ? [new URL(publicUrl).host] : [],
    });
    const out = path.resolve(values.out ?? `dist/teams/spiegel-teams-${pkg.version}.zip`);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, built.zip);
    console.log(
      `Wrote ${out} (${built.zip.length} bytes): upload it in the Teams admin center (Teams apps › Manage apps › Upload new app).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppPackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
