import { z } from 'zod';

/**
 * A member's passkey as the account page lists it: what Better Auth's passkey plugin returns
 * from `/passkey/list-user-passkeys`, less the key material the page has no use for.
 */
export const ZPasskeySummary = z.object({
  id: z.string(),
  name: z.string().nullish(),
  createdAt: z.coerce.date().nullish(),
});
export type TPasskeySummary = z.infer<typeof ZPasskeySummary>;

export const ZPasskeyList = z.array(ZPasskeySummary);
