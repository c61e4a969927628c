import type { SmsSender } from './channels';

export interface SmsWebhookOptions {
  /** The provider's (or the union's relay's) HTTPS endpoint that accepts one message a request. */
  url: string;
  /** Sent as `Authorization: Bearer …`. */
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The SMS provider refused the message or did not answer properly: the job retries it. */
export class SmsProviderError extends Error {
  constructor(readonly status: number) {
    super(`SMS provider answered ${status}`);
  }
}

/**
 * The shape of an SMS provider adapter. Mainland providers (Aliyun, Tencent Cloud…) each have
 * their own signed API and pre-approved templates; none is configured in this project. This
 * adapter posts `{ to, text }` as JSON to one HTTPS endpoint with a bearer token, which is what
 * a small relay in front of any of them (or a provider with a plain HTTP API) accepts. A
 * provider-specific adapter implements the same `SmsSender` port.
 */
export function createWebhookSmsSender(options: SmsWebhookOptions): SmsSender {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async send(message) {
      const response = await send(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.token}`,
        },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      await response.body?.cancel();
      if (!response.ok) throw new SmsProviderError(response.status);
    },
  };
}
