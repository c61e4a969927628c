import { z } from 'zod';
import { ZMemberId } from './member';

/** The kinds of unit an applicant from the holding pool may be placed in. */
export const PLACEMENT_UNIT_KINDS = ['GRASSROOTS', 'BRANCH'] as const;

/**
 * Places an applicant from a regional unit's holding pool (their employer had no union) in
 * a unit that will look after them. Versioned like every other member edit.
 */
export const ZPlaceMemberInput = z.object({
  id: ZMemberId,
  orgUnitId: z.uuid(),
  expectedVersion: z.number().int().positive(),
});
export type TPlaceMemberInput = z.input<typeof ZPlaceMemberInput>;
