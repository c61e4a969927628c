import type { AuthFailure } from '@unionhall/ui';
import { useState } from 'react';
import { AuthRequestError } from '../auth/auth-api';

/**
 * Runs one call to Better Auth at a time for a form: `busy` while it runs, and the failure's
 * reason afterwards for the form to translate in its own words.
 */
export function useAuthAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (caught) {
      setFailure(caught instanceof AuthRequestError ? caught.reason : 'unknown');
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run, clear: () => setFailure(null) };
}

/** The password rule Better Auth enforces (emailAndPassword.minPasswordLength). */
export const MIN_PASSWORD_LENGTH = 12;
