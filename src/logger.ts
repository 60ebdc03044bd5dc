import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Field paths whose values never reach a log line. */
export const redactedPaths = [
  'secret',
  'password',
  'token',
  'botToken',
  'accessToken',
  'signingSecret',
  'clientSecret',
  'authorization',
  '*.secret',
  '*.password',
  '*.token',
  '*.botToken',
  '*.accessToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'config.SPIEGEL_SECRET',
  'config.SLACK_SIGNING_SECRET',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_CLIENT_SECRET',
  'config.SLACK_STATE_SECRET',
  'config.MICROSOFT_APP_PASSWORD',
  'config.MONGODB_URI',
];

/** JSON lines for log collectors; `readable`: one coloured line per entry for a person at a terminal (redaction applies alike). */
export function createLogger(level: string, destination?: pino.DestinationStream, options: { readable?: boolean } = {}): Logger {
  const stream = options.readable
    ? pretty({
        destination: destination ?? 1,
        colorize: process.stdout.isTTY,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,app',
        sync: true,
      })
    : destination;
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { app: 'spiegel' } }, stream);
}
