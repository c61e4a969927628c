import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(options: {
  level: string;
  pretty: boolean;
  /** Where lines go; standard output unless given (the benchmarks write to /dev/null). */
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      ...(options.pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
            },
          }
        : {}),
    },
    options.destination,
  );
}
