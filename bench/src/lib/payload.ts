import { z } from 'zod';

/** The shape of the fixed response P1, P2 and P6 serve: a small list, like a page of a list. */
export const ZBenchPayload = z.object({
  kind: z.literal('bench-payload'),
  note: z.string(),
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      status: z.enum(['ACTIVE', 'LAPSED']),
      unit: z.string(),
    }),
  ),
});
export type TBenchPayload = z.infer<typeof ZBenchPayload>;

/** Serialized size of PAYLOAD, exactly: the issue asks for a 1 KB JSON body. */
export const PAYLOAD_BYTES = 1024;

function build(): TBenchPayload {
  const items = Array.from({ length: 10 }, (_, i) => ({
    id: 1000 + i,
    name: `Member ${String(i).padStart(2, '0')}`,
    status: i % 4 === 0 ? ('LAPSED' as const) : ('ACTIVE' as const),
    unit: `Grassroots unit ${i % 3}`,
  }));
  const base: TBenchPayload = { kind: 'bench-payload', note: '', items };
  // Pad with ASCII so the serialized payload is exactly PAYLOAD_BYTES.
  const missing = PAYLOAD_BYTES - Buffer.byteLength(JSON.stringify(base));
  if (missing < 0) throw new Error('bench payload is larger than 1 KB');
  return { ...base, note: 'x'.repeat(missing) };
}

export const PAYLOAD: TBenchPayload = build();
