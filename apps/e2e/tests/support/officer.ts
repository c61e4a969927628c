import { readFile } from 'node:fs/promises';
import * as OTPAuth from 'otpauth';

export const DEMO_ADMIN = 'admin@binjiang.demo';
export const DEMO_CHAIR = 'chair.edu@binjiang.demo';
export const DEMO_PASSWORD = 'Unionhall-demo-2026';

/** The admin's authenticator key, written by officer.setup.ts for later sign-ins. */
export const TOTP_SECRET_FILE = 'test-results/.auth/admin-totp.txt';

export function totpFor(secret: string) {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
}

export async function adminCode(): Promise<string> {
  return totpFor((await readFile(TOTP_SECRET_FILE, 'utf8')).trim()).generate();
}
