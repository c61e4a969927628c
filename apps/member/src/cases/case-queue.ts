import type { TSubmitCaseInput } from '@unionhall/domain';

/**
 * Requests written without a network wait here, on the device, until they can be sent. Each
 * carries the `id` the device chose for the draft, which the server treats as the idempotency
 * key: sending the same entry twice (a retry after a lost answer, two tabs) answers with the
 * case made the first time. This module is in the first download (the layout sends the queue
 * when the network returns, whatever screen is open), so it imports nothing at run time.
 */
export const QUEUE_KEY = 'unionhall.member.case-queue';
/** Told in this tab when the queue changes; other tabs hear the `storage` event. */
const CHANGED = 'unionhall:case-queue';

export interface QueuedCase {
  input: TSubmitCaseInput;
  /**
   * The signed-in member's user id: on a shared phone, only they send (and see) their requests.
   * Empty when the app started offline and did not know who was signed in; whoever is signed
   * in when the network returns sends it then (sign-out empties the queue, so that is them).
   */
  owner: string;
  queuedAt: number;
  /** The server refused it (not a network failure): the member reads why and may discard it. */
  error?: string | undefined;
}

export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStorage(): QueueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Enough of the shape to send it again; the server checks the rest as for any request. */
function isQueuedCase(value: unknown): value is QueuedCase {
  return (
    isRecord(value) &&
    typeof value.owner === 'string' &&
    typeof value.queuedAt === 'number' &&
    (value.error === undefined || typeof value.error === 'string') &&
    isRecord(value.input) &&
    typeof value.input.id === 'string' &&
    typeof value.input.kind === 'string' &&
    typeof value.input.title === 'string' &&
    typeof value.input.narrative === 'string'
  );
}

export function readQueue(storage: QueueStorage | undefined = browserStorage()): QueuedCase[] {
  try {
    const raw = storage?.getItem(QUEUE_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isQueuedCase) : [];
  } catch {
    return [];
  }
}

function writeQueue(entries: readonly QueuedCase[], storage: QueueStorage | undefined): void {
  if (!storage) throw new Error('no storage on this device');
  if (entries.length === 0) storage.removeItem(QUEUE_KEY);
  else storage.setItem(QUEUE_KEY, JSON.stringify(entries));
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(CHANGED));
}

/**
 * Keeps a request to send later. Throws when the device cannot store it (private mode, storage
 * full), so the form can say so instead of pretending it was kept. The same id twice is kept
 * once: a double tap queues one request.
 */
export function enqueueCase(
  entry: QueuedCase,
  storage: QueueStorage | undefined = browserStorage(),
): void {
  const rest = readQueue(storage).filter((queued) => queued.input.id !== entry.input.id);
  writeQueue([...rest, entry], storage);
}

export function dequeueCase(
  id: string,
  storage: QueueStorage | undefined = browserStorage(),
): void {
  const entries = readQueue(storage);
  const rest = entries.filter((queued) => queued.input.id !== id);
  if (rest.length !== entries.length) writeQueue(rest, storage);
}

function markFailed(id: string, error: string, storage: QueueStorage | undefined): void {
  writeQueue(
    readQueue(storage).map((queued) => (queued.input.id === id ? { ...queued, error } : queued)),
    storage,
  );
}

/** Forgets every queued request, e.g. at sign-out: they hold the member's own words. */
export function forgetQueuedCases(storage: QueueStorage | undefined = browserStorage()): void {
  try {
    storage?.removeItem(QUEUE_KEY);
    if (typeof window !== 'undefined') window.dispatchEvent(new Event(CHANGED));
  } catch {
    // Nothing stored, or no storage: nothing to forget.
  }
}

/** The stored queue as a string, for useSyncExternalStore: it changes with every write. */
export function queueSnapshot(): string | null {
  try {
    return globalThis.localStorage.getItem(QUEUE_KEY);
  } catch {
    return null;
  }
}

export function subscribeQueue(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === QUEUE_KEY || event.key === null) listener();
  };
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Whether the server answered (and so refused) rather than the network failing: tRPC client
 * errors carry the server's `data` only when a response came back.
 */
export function serverAnswered(error: unknown): boolean {
  return isRecord(error) && isRecord(error.data);
}

export interface SendOptions {
  owner: string;
  send: (input: TSubmitCaseInput) => Promise<unknown>;
  /** The server's sentence for a refusal, in the member's language. */
  describe: (error: unknown) => string;
  storage?: QueueStorage | undefined;
}

let sending: Promise<number> | undefined;

/**
 * Sends the owner's queued requests, oldest first, and returns how many the server took. An
 * entry leaves the queue only once the server has answered with its case; a network failure
 * stops the round and leaves the rest for the next one. One round at a time in a tab, and one
 * across tabs where the browser has Web Locks; were a request still sent twice, its id makes
 * the second send answer with the first case.
 */
export function sendQueuedCases(options: SendOptions): Promise<number> {
  sending ??= withQueueLock(() => sendRound(options)).finally(() => {
    sending = undefined;
  });
  return sending;
}

function withQueueLock(round: () => Promise<number>): Promise<number> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // The lock is held until the round's promise settles; its answer is the round's.
  return locks ? locks.request(QUEUE_KEY, round).then((sent) => sent) : round();
}

async function sendRound({
  owner,
  send,
  describe,
  storage = browserStorage(),
}: SendOptions): Promise<number> {
  let sent = 0;
  for (const entry of readQueue(storage)) {
    if ((entry.owner !== owner && entry.owner !== '') || entry.error !== undefined) continue;
    // Another tab may have sent it while this one waited for the lock.
    if (!readQueue(storage).some((queued) => queued.input.id === entry.input.id)) continue;
    try {
      await send(entry.input);
    } catch (error) {
      if (!serverAnswered(error)) break;
      markFailed(entry.input.id, describe(error), storage);
      continue;
    }
    dequeueCase(entry.input.id, storage);
    sent += 1;
  }
  return sent;
}
