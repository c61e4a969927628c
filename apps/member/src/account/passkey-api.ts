/**
 * Passkeys (WebAuthn) through Better Auth's passkey plugin. This module and SimpleWebAuthn's
 * browser code are imported on demand, so the PWA's first download does not carry them.
 */
import {
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { ZPasskeyList, type TPasskeySummary } from '@unionhall/domain';
import { AuthRequestError, postAuth } from '@unionhall/ui';

/** Why a passkey ceremony ended without a result, beyond the request failures. */
export type PasskeyFailure = 'cancelled' | 'alreadyRegistered';

export class PasskeyError extends Error {
  constructor(readonly reason: PasskeyFailure) {
    super(reason);
  }
}

/** GETs `/api/auth${path}`; failures become the same reasons as postAuth's. */
async function getAuth(path: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, { credentials: 'same-origin' });
  } catch {
    throw new AuthRequestError('network');
  }
  if (response.status === 429) throw new AuthRequestError('tooMany');
  if (response.status === 403) throw new AuthRequestError('disabled');
  if (response.status === 400 || response.status === 401) throw new AuthRequestError('invalid');
  if (!response.ok) throw new AuthRequestError('unknown');
  return response.json();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRequestOptions(value: unknown): value is PublicKeyCredentialRequestOptionsJSON {
  return isRecord(value) && typeof value.challenge === 'string';
}

function isCreationOptions(value: unknown): value is PublicKeyCredentialCreationOptionsJSON {
  return (
    isRecord(value) &&
    typeof value.challenge === 'string' &&
    isRecord(value.rp) &&
    isRecord(value.user) &&
    Array.isArray(value.pubKeyCredParams)
  );
}

/** The browser's refusals that mean "the person said no" or "already there", not a fault. */
function ceremonyFailure(caught: unknown): unknown {
  if (caught instanceof WebAuthnError) {
    if (caught.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
      return new PasskeyError('alreadyRegistered');
    }
    if (caught.name === 'NotAllowedError' || caught.name === 'AbortError') {
      return new PasskeyError('cancelled');
    }
  }
  if (caught instanceof DOMException && caught.name === 'NotAllowedError') {
    return new PasskeyError('cancelled');
  }
  return caught;
}

/** Signs in with a passkey on this device (or a phone nearby): no name or code needed. */
export async function signInWithPasskey(): Promise<void> {
  const optionsJSON = await getAuth('/passkey/generate-authenticate-options');
  if (!isRequestOptions(optionsJSON)) throw new AuthRequestError('unknown');
  const response = await startAuthentication({ optionsJSON }).catch((caught: unknown) => {
    throw ceremonyFailure(caught);
  });
  await postAuth('/passkey/verify-authentication', { response });
}

/** Creates a passkey for the signed-in member and stores it under `name`. */
export async function addPasskey(name: string): Promise<void> {
  const optionsJSON = await getAuth('/passkey/generate-register-options');
  if (!isCreationOptions(optionsJSON)) throw new AuthRequestError('unknown');
  const response = await startRegistration({ optionsJSON }).catch((caught: unknown) => {
    throw ceremonyFailure(caught);
  });
  await postAuth('/passkey/verify-registration', { response, name });
}

export async function listPasskeys(): Promise<TPasskeySummary[]> {
  return ZPasskeyList.parse(await getAuth('/passkey/list-user-passkeys'));
}

export async function deletePasskey(id: string): Promise<void> {
  await postAuth('/passkey/delete-passkey', { id });
}
