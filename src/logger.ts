import { pino, type Logger } from 'pino';

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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { app: 'spiegel' } }, destination);
}
