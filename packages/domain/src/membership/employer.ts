import { z } from 'zod';
import { normalizeCreditCode, parseCreditCode } from './credit-code';

const noControlChars = (value: string) =>
  ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20);

export const ZEmployerName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine(noControlChars, { message: 'validation.noControlChars' });

/**
 * 统一社会信用代码 (unified social credit code, GB 32100): 18 characters of digits and capital
 * letters (no I, O, Z, S, V) ending in a check character. Typed with spaces or in lower case,
 * stored upper case. The check character is verified so that a mistyped code is caught where
 * it is typed rather than stored as a second, wrong identity for the same employer.
 */
export const ZCreditCode = z
  .string()
  .trim()
  .transform((value) => normalizeCreditCode(value))
  .superRefine((value, context) => {
    const parsed = parseCreditCode(value);
    if (parsed.ok) return;
    context.addIssue({
      code: 'custom',
      message:
        parsed.reason === 'checkCharacter' ? 'validation.creditCodeCheck' : 'validation.creditCode',
    });
  });

export const ZEmployerInput = z.object({
  name: ZEmployerName,
  creditCode: ZCreditCode.nullish(),
  /** The union unit that organizes this employer's workers; none when it has no union yet. */
  orgUnitId: z.uuid().nullish(),
  workforceSize: z.number().int().min(1).max(10_000_000).nullish(),
  address: z.string().trim().max(200).nullish(),
});
export type TEmployerInput = z.input<typeof ZEmployerInput>;

export const ZUpdateEmployerInput = ZEmployerInput.extend({
  id: z.uuid(),
  expectedVersion: z.number().int().positive(),
});
export type TUpdateEmployerInput = z.input<typeof ZUpdateEmployerInput>;

export const ZAddWorkplaceInput = z.object({
  employerId: z.uuid(),
  name: ZEmployerName,
  address: z.string().trim().max(200).nullish(),
});

/** Renames a workplace or corrects its address; it stays with its employer. */
export const ZUpdateWorkplaceInput = z.object({
  id: z.uuid(),
  name: ZEmployerName,
  address: z.string().trim().max(200).nullish(),
});
export type TUpdateWorkplaceInput = z.input<typeof ZUpdateWorkplaceInput>;

export const ZEmployer = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  orgUnitId: z.uuid().nullable(),
  orgUnitName: z.string().nullable(),
  workforceSize: z.number().int().nullable(),
  address: z.string().nullable(),
  /** Members in good standing (ACTIVE) employed here. */
  activeMembers: z.number().int().nonnegative(),
  /** activeMembers / workforceSize, when the workforce is known (0…1, may exceed 1 on stale data). */
  density: z.number().nullable(),
  version: z.number().int().positive(),
});
export type TEmployer = z.infer<typeof ZEmployer>;

export const ZEmployerDetail = ZEmployer.extend({
  workplaces: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string().nullable() })),
});

export const ZEmployerListInput = z.object({
  query: z.string().trim().max(50).optional(),
  orgUnitId: z.uuid().optional(),
  /** Employers with no union unit yet: the organizing targets. */
  withoutUnion: z.boolean().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TEmployerListInput = z.input<typeof ZEmployerListInput>;

export const ZEmployerPage = z.object({
  items: z.array(ZEmployer),
  nextCursor: z.string().nullable(),
});

/** Union density: the share of the workforce that are members, when the workforce is known. */
export function unionDensity(activeMembers: number, workforceSize: number | null): number | null {
  if (!workforceSize || workforceSize <= 0) return null;
  return Math.round((activeMembers / workforceSize) * 1000) / 1000;
}
