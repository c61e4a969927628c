import { z } from 'zod';
import { ORG_UNIT_KINDS } from './org-tree';

export const ZOrgUnitKind = z.enum(ORG_UNIT_KINDS);

export const ZOrgUnitName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine((value) => ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20), {
    message: 'validation.noControlChars',
  });

/** A short, stable, human-typable code, e.g. "BJ-FED" or "HX-STEEL-01". */
export const ZOrgUnitCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'validation.orgCode' });

export const ZOrgUnitId = z.uuid();

export const ZOrgUnit = z.object({
  id: ZOrgUnitId,
  parentId: ZOrgUnitId.nullable(),
  kind: ZOrgUnitKind,
  name: z.string(),
  code: z.string(),
  depth: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

export const ZCreateOrgUnitInput = z.object({
  parentId: ZOrgUnitId,
  kind: ZOrgUnitKind,
  name: ZOrgUnitName,
  code: ZOrgUnitCode,
});
export type TCreateOrgUnitInput = z.infer<typeof ZCreateOrgUnitInput>;

/** Every change to an existing unit names the version it was based on (optimistic locking). */
export const ZRenameOrgUnitInput = z.object({
  id: ZOrgUnitId,
  name: ZOrgUnitName,
  expectedVersion: z.number().int().positive(),
});
export type TRenameOrgUnitInput = z.infer<typeof ZRenameOrgUnitInput>;

export const ZMoveOrgUnitInput = z.object({
  id: ZOrgUnitId,
  newParentId: ZOrgUnitId,
  expectedVersion: z.number().int().positive(),
});
export type TMoveOrgUnitInput = z.infer<typeof ZMoveOrgUnitInput>;

export const ZGetOrgUnitInput = z.object({ id: ZOrgUnitId });
