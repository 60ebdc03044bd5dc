/** `frameworks show|retire ID` and a framework file brought in, the same on Slack and Teams: the lines to answer with. */
import type { Actor } from '../app/actor.js';
import type { AppContext } from '../app/context.js';
import { MAX_FRAMEWORK_FILE_BYTES, tooLarge } from '../app/framework-catalogue.js';
import { addFramework, describeFramework, requireAdmin, retireFramework, type FrameworkUpload } from '../app/tenant-frameworks.js';
import { isSpiegelError, SpiegelError } from '../domain/errors.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { errorText } from '../presentation/error-text.js';
import { frameworkAddedLines, frameworkDetailLines, frameworkProblemLines } from '../presentation/framework-texts.js';

/** The answer to `frameworks SUB ID`; null for the plain list, which each platform shows its own way. */
export async function frameworksCommandLines(
  ctx: AppContext,
  actor: Actor,
  args: readonly string[],
  locale: Locale,
): Promise<string[] | null> {
  const t = translator(locale);
  const [sub, id] = args;
  if (sub === undefined || sub === 'list') return null;
  if (sub === 'show' && id) return frameworkDetailLines(await describeFramework(ctx, actor, id), locale);
  if (sub === 'retire' && id) {
    const retired = await retireFramework(ctx, actor, id);
    return [t('fw.retired', { id: retired.frameworkId })];
  }
  return [t('fw.usage')];
}

/** Downloads a framework file, reading at most the allowed size: a larger one is refused without reading the rest. */
export async function downloadFrameworkFile(name: string, url: string, headers: Record<string, string> = {}): Promise<FrameworkUpload> {
  const response = await fetch(url, { headers, redirect: 'error' });
  if (!response.ok) throw new SpiegelError('platform.failed', `downloading ${name} answered ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_FRAMEWORK_FILE_BYTES) {
      await response.body?.cancel();
      throw tooLarge(name, size);
    }
    chunks.push(chunk);
  }
  return { name, text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * A framework file an admin brought in chat: admins only (checked before `fetch` downloads anything), then stored
 * as the workspace's next revision, or each problem with its line and path. A failed download asks to send it again.
 */
export async function frameworkFileLines(
  ctx: AppContext,
  actor: Actor,
  fetchFile: () => Promise<FrameworkUpload>,
  locale: Locale,
  logger: Logger,
): Promise<string[]> {
  try {
    requireAdmin(actor);
    return frameworkAddedLines(await addFramework(ctx, actor, await fetchFile()), locale);
  } catch (error) {
    const problems = frameworkProblemLines(error, locale);
    if (problems) return problems;
    if (isSpiegelError(error)) return [errorText(error, locale)];
    logger.warn({ err: error }, 'a framework file brought in chat could not be read');
    return [translator(locale)('fw.upload.failed')];
  }
}
