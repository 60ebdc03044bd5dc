/**
 * Bolt's installation store for OAuth distribution, over SlackInstallationRecords. Installations hold
 * tokens, so they are sealed with AES-256-GCM under a key derived from SPIEGEL_SECRET before they are
 * stored; the database never holds a token in clear. Reads are cached briefly: Bolt asks for the
 * installation on every request.
 */
import { invariant } from '../../domain/invariant.js';
import { SpiegelError } from '../../domain/errors.js';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { SlackInstallationRecords } from './ports.js';
import { TtlCache } from './ttl-cache.js';

const CACHE_TTL_MS = 60_000;

export class NotInstalledError extends SpiegelError {
  constructor(key: string) {
    super('slack.notInstalled', `no Slack installation for ${key}`, { key });
    this.name = 'NotInstalledError';
  }
}

export function installationKey(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  invariant(false, 'an installation needs a team id or an enterprise id');
}

export class Sealer {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'spiegel', 'slack-installations', 32));
  }

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  unseal(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    invariant(version === 'v1' && iv && tag && body !== undefined, 'unknown sealed installation format');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

export class SealedInstallationStore implements InstallationStore {
  readonly #sealer: Sealer;
  readonly #cache = new TtlCache<string, Installation>(CACHE_TTL_MS, 10_000);

  constructor(
    private readonly records: SlackInstallationRecords,
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#sealer = new Sealer(secret);
  }

  async storeInstallation(installation: Installation): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const key = installationKey({ isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
    await this.records.put(
      {
        key,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        sealed: this.#sealer.seal(JSON.stringify(installation)),
      },
      this.now(),
    );
    this.#cache.delete(key);
  }

  fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = installationKey(query);
    return this.#cache.get(key, async () => {
      const sealed = await this.records.get(key);
      if (!sealed) throw new NotInstalledError(key);
      return JSON.parse(this.#sealer.unseal(sealed)) as Installation;
    });
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    this.#cache.delete(key);
    await this.records.delete(key);
  }

  /** The bot token of a workspace, or null when it has no installation. */
  async botToken(teamId: string): Promise<string | null> {
    try {
      const installation = await this.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
      return installation.bot?.token ?? null;
    } catch (error) {
      if (error instanceof NotInstalledError) return null;
      throw error;
    }
  }
}
