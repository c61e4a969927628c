import { z } from 'zod';
import { LOCALES } from './locale';

export const ZLocale = z.enum(LOCALES);
