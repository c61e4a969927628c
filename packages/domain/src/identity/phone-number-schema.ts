import { z } from 'zod';
import { normalizeChinaMobile } from './phone-number';

/** A mainland China mobile number in any common notation, parsed to E.164. */
export const ZChinaMobile = z
  .string()
  .trim()
  .max(32)
  .refine((value) => normalizeChinaMobile(value) !== null, {
    message: 'validation.chinaMobile',
  })
  .transform((value) => normalizeChinaMobile(value) ?? value);
