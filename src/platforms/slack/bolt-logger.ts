/** Bolt and the Slack SDK log through our pino logger. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => {
      log.debug(text(msg));
    },
    info: (...msg: unknown[]) => {
      log.info(text(msg));
    },
    warn: (...msg: unknown[]) => {
      log.warn(text(msg));
    },
    error: (...msg: unknown[]) => {
      log.error(text(msg));
    },
    setLevel: () => {},
    getLevel: () => {
      const level = log.level;
      if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}
