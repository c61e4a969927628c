import type { BetterAuthOptions } from 'better-auth';
import type { ApiLogger } from '../context';

type BetterAuthLogger = NonNullable<BetterAuthOptions['logger']>;

/**
 * Better Auth's messages about what a client sent, not about a fault of the server: an
 * untrusted origin, a redirect elsewhere, a cross-site sign-in. Better Auth logs them as errors;
 * they are warnings here, so that an error in the log still means something for operators to
 * fix, and a stranger's requests cannot page them.
 */
const CLIENT_CAUSED = [/^Invalid origin\b/, /^Invalid redirect URL\b/, /^Blocked cross-site\b/];

/**
 * Better Auth's log, into the server's structured log (one JSON line per message, marked
 * `source: "better-auth"`) instead of its own coloured lines on the console. Warnings and errors
 * only: its information lines are hints for developers setting it up (and follow each refused
 * origin). An Error among the arguments becomes `err`, so its stack is kept.
 */
export function betterAuthLog(logger: ApiLogger): BetterAuthLogger {
  return {
    level: 'warn',
    log(level, message, ...args) {
      if (level !== 'warn' && level !== 'error') return;
      const err = args.find((arg): arg is Error => arg instanceof Error);
      const details = args.filter((arg) => arg !== err);
      const fields = {
        source: 'better-auth',
        ...(err ? { err } : {}),
        ...(details.length > 0 ? { details } : {}),
      };
      if (level === 'error' && !CLIENT_CAUSED.some((pattern) => pattern.test(message))) {
        logger.error(fields, message);
      } else {
        logger.warn(fields, message);
      }
    },
  };
}
