import { describe, expect, it, vi } from 'vitest';
import { betterAuthLog } from './auth-log';

function capture() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

describe('betterAuthLog', () => {
  it('writes a fault of the server as an error, with the Error as err and the rest as details', () => {
    const logger = capture();
    const failure = new Error('connection refused');
    betterAuthLog(logger).log?.('error', 'Failed to create session', failure, { userId: 'u1' });
    expect(logger.error).toHaveBeenCalledWith(
      { source: 'better-auth', err: failure, details: [{ userId: 'u1' }] },
      'Failed to create session',
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('writes what a client sent (an untrusted origin, a foreign redirect) as a warning', () => {
    const logger = capture();
    const log = betterAuthLog(logger);
    log.log?.('error', 'Invalid origin: https://evil.example');
    log.log?.('error', 'Invalid redirect URL: https://evil.example/x');
    expect(logger.warn.mock.calls).toEqual([
      [{ source: 'better-auth' }, 'Invalid origin: https://evil.example'],
      [{ source: 'better-auth' }, 'Invalid redirect URL: https://evil.example/x'],
    ]);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('keeps warnings as warnings and drops the hints meant for setting it up', () => {
    const logger = capture();
    const log = betterAuthLog(logger);
    log.log?.('warn', 'Invalid password');
    log.log?.('info', 'If it is a valid URL, please add it to trustedOrigins');
    log.log?.('debug', 'Session cache miss');
    expect(logger.warn).toHaveBeenCalledWith({ source: 'better-auth' }, 'Invalid password');
    expect(logger.info).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });
});
