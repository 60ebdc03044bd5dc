import { expect, it } from 'vitest';
import { UsageError } from '../src/cli/usage-error.js';
import { ConfigError } from '../src/config.js';
import { isRefusal, isSpiegelError } from '../src/domain/errors.js';
import { inputInvalid } from '../src/domain/input-problems.js';
import { AppPackageError } from '../src/platforms/teams/app-package.js';
import { NotInstalledError } from '../src/platforms/slack/installation-store.js';
import { errorText } from '../src/presentation/error-text.js';
import { JobError } from '../src/scheduling/job-run.js';

it('gives every failure one error type with a stable code; failures are not refusals, so they are logged', () => {
  const cause = new Error('underneath');
  const failures = [
    [new JobError('no notifier', { permanent: true, cause }), 'job.failed'],
    [new ConfigError(['SLACK_SIGNING_SECRET: required']), 'config.invalid'],
    [new UsageError('cli.missing', { what: '--round' }), 'usage.invalid'],
    [new AppPackageError(['manifest.json: id is not a GUID']), 'appPackage.invalid'],
    [new NotInstalledError('T1'), 'slack.notInstalled'],
  ] as const;
  for (const [error, code] of failures) {
    expect(isSpiegelError(error, code), code).toBe(true);
    expect(isRefusal(error), code).toBe(false);
    expect(errorText(error, 'nl'), code).not.toBe(errorText(new Error('x'), 'nl'));
  }
  expect(failures[0][0].cause).toBe(cause);
  expect(isRefusal(inputInvalid('periodOrder'))).toBe(true);
});
