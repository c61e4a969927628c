import { describe, expect, it } from 'vitest';
import {
  QUEUE_KEY,
  dequeueCase,
  enqueueCase,
  forgetQueuedCases,
  readQueue,
  sendQueuedCases,
  type QueueStorage,
  type QueuedCase,
} from './case-queue';

/** An in-memory Storage, so the tests run in node without a DOM. */
class MemoryStorage implements QueueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function entry(id: string, owner = 'user-li'): QueuedCase {
  return {
    owner,
    queuedAt: 1,
    input: {
      id,
      kind: 'WORKPLACE_PROBLEM',
      topic: 'WAGES_UNPAID',
      title: '拖欠工资',
      narrative: '三个月没有发工资',
      shareNameWithEmployer: false,
    },
  };
}

const ID_A = '0b9d4f8e-2d55-4a55-8a43-7d6f3f0c1a01';
const ID_B = '0b9d4f8e-2d55-4a55-8a43-7d6f3f0c1a02';

/** What a tRPC client error looks like when the server answered with a refusal. */
function refusal(message: string) {
  return Object.assign(new Error(message), { data: { appCode: 'CASE_NOT_A_MEMBER' } });
}

describe('the queue of requests waiting for a network', () => {
  it('keeps a request once per id, and forgets it on dequeue', () => {
    const storage = new MemoryStorage();
    enqueueCase(entry(ID_A), storage);
    enqueueCase(entry(ID_A), storage);
    enqueueCase(entry(ID_B), storage);
    expect(readQueue(storage).map((queued) => queued.input.id)).toEqual([ID_A, ID_B]);
    dequeueCase(ID_A, storage);
    expect(readQueue(storage).map((queued) => queued.input.id)).toEqual([ID_B]);
    dequeueCase(ID_B, storage);
    expect(storage.items.has(QUEUE_KEY)).toBe(false);
  });

  it('reads a corrupt or foreign copy as empty instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem(QUEUE_KEY, '{not json');
    expect(readQueue(storage)).toEqual([]);
    storage.setItem(QUEUE_KEY, JSON.stringify([{ owner: 'x' }, entry(ID_A)]));
    expect(readQueue(storage).map((queued) => queued.input.id)).toEqual([ID_A]);
  });

  it('says when the device cannot keep the request', () => {
    expect(() => enqueueCase(entry(ID_A), undefined)).toThrow();
  });

  it('sends each of the owner’s requests once and removes it only after the server took it', async () => {
    const storage = new MemoryStorage();
    enqueueCase(entry(ID_A), storage);
    enqueueCase(entry(ID_B, 'user-other'), storage);
    const sent: string[] = [];
    const send = (input: { id: string }) => {
      // The entry is still queued while the request is on its way.
      expect(readQueue(storage).some((queued) => queued.input.id === input.id)).toBe(true);
      sent.push(input.id);
      return Promise.resolve();
    };
    const options = { owner: 'user-li', send, describe: String, storage };
    // Two rounds started together (the online event and the page opening) send it once.
    const [first, second] = await Promise.all([sendQueuedCases(options), sendQueuedCases(options)]);
    expect(first + second).toBe(2);
    expect(sent).toEqual([ID_A]);
    // Another member's request stays on the device, unsent.
    expect(readQueue(storage).map((queued) => queued.input.id)).toEqual([ID_B]);
    expect(await sendQueuedCases(options)).toBe(0);
    expect(sent).toEqual([ID_A]);
  });

  it('keeps everything when the network fails, and sends it on the next round', async () => {
    const storage = new MemoryStorage();
    enqueueCase(entry(ID_A), storage);
    enqueueCase(entry(ID_B), storage);
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    const owner = 'user-li';
    expect(await sendQueuedCases({ owner, send: down, describe: String, storage })).toBe(0);
    expect(readQueue(storage)).toHaveLength(2);
    const sent: string[] = [];
    const up = (input: { id: string }) => {
      sent.push(input.id);
      return Promise.resolve();
    };
    expect(await sendQueuedCases({ owner, send: up, describe: String, storage })).toBe(2);
    expect(sent).toEqual([ID_A, ID_B]);
    expect(readQueue(storage)).toEqual([]);
  });

  it('marks a request the server refused, keeps it for the member to read, and does not resend it', async () => {
    const storage = new MemoryStorage();
    enqueueCase(entry(ID_A), storage);
    enqueueCase(entry(ID_B), storage);
    let calls = 0;
    const send = (input: { id: string }) => {
      calls += 1;
      return input.id === ID_A ? Promise.reject(refusal('not a member')) : Promise.resolve();
    };
    const describe = (error: unknown) => (error instanceof Error ? error.message : '?');
    const owner = 'user-li';
    expect(await sendQueuedCases({ owner, send, describe, storage })).toBe(1);
    expect(readQueue(storage)).toEqual([{ ...entry(ID_A), error: 'not a member' }]);
    await sendQueuedCases({ owner, send, describe, storage });
    expect(calls).toBe(2);
  });

  it('lets whoever is signed in send a request queued before the app knew who that was', async () => {
    const storage = new MemoryStorage();
    enqueueCase(entry(ID_A, ''), storage);
    const sent: string[] = [];
    const send = (input: { id: string }) => {
      sent.push(input.id);
      return Promise.resolve();
    };
    expect(await sendQueuedCases({ owner: 'user-1', send, describe: String, storage })).toBe(1);
    expect(sent).toEqual([ID_A]);
  });

  it('forgets every queued request at sign-out', () => {
    const storage = new MemoryStorage();
    enqueueCase(entry(ID_A), storage);
    forgetQueuedCases(storage);
    expect(readQueue(storage)).toEqual([]);
  });
});
