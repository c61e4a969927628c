import pino, { type Logger } from 'pino';

export type { Logger };

/** Lines are gathered up to this many bytes before one write (see logDestination). */
const LOG_BUFFER_BYTES = 4096;
/** ...and written at least this often, so a quiet server's lines are not held back. */
const LOG_FLUSH_MS = 1000;

/**
 * Where the log lines go: standard output (or a file), written asynchronously in chunks of
 * LOG_BUFFER_BYTES and at least every LOG_FLUSH_MS. One write per line was a system call per API
 * request, about 5% of a member search's CPU (bench P4) on a machine where system calls are dear.
 * pino writes what is left, synchronously, when the process exits (logger.test.ts).
 */
export function logDestination(dest: number | string = 1): pino.DestinationStream {
  const stream = pino.destination({ dest, minLength: LOG_BUFFER_BYTES, sync: false });
  setInterval(() => {
    try {
      stream.flush();
    } catch {
      // Destroyed: the process is ending, and pino has written what was left.
    }
  }, LOG_FLUSH_MS).unref();
  return stream;
}

export function createLogger(options: {
  level: string;
  pretty: boolean;
  /** Where lines go; logDestination() (standard output) unless given. */
  destination?: pino.DestinationStream;
}): Logger {
  const redact = { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true };
  if (options.pretty) {
    return pino({
      level: options.level,
      redact,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level: options.level, redact }, options.destination ?? logDestination());
}
