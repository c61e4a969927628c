import { z } from 'zod';
import { ZTimeLimit, type TTimeLimit } from './working-calendar';

/**
 * What members ask the union for. A problem at work carries a topic, so officers can see at a
 * glance how many wage cases a unit has; the other kinds stand on their own.
 */
export const CASE_KINDS = [
  'WORKPLACE_PROBLEM',
  'LEGAL_CONSULTATION',
  'MEDIATION',
  'SUGGESTION',
] as const;
export const ZCaseKind = z.enum(CASE_KINDS);
export type TCaseKind = z.infer<typeof ZCaseKind>;

export const WORKPLACE_TOPICS = [
  'WAGES_UNPAID',
  'WORKING_HOURS',
  'SAFETY',
  'ENVIRONMENT',
  'DISCRIMINATION',
  'DISMISSAL',
  'SOCIAL_INSURANCE',
  'OTHER',
] as const;
export const ZWorkplaceTopic = z.enum(WORKPLACE_TOPICS);
export type TWorkplaceTopic = z.infer<typeof ZWorkplaceTopic>;

/** How a case ended, coded so the union can count what it wins. */
export const CASE_OUTCOMES = ['WON', 'SETTLED', 'LOST', 'WITHDRAWN', 'REFERRED'] as const;
export const ZCaseOutcome = z.enum(CASE_OUTCOMES);
export type TCaseOutcome = z.infer<typeof ZCaseOutcome>;

/** Stage keys are stable identifiers stored on cases; names are what people read. */
export const ZStageKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, { message: 'validation.stageKey' });

/**
 * One stage of a case type. A stage that is not terminal has a time limit, counted from the
 * day the case entered it; a terminal stage (closed, handed to arbitration or a court) has
 * none, since the union's own clock has stopped.
 */
export const ZCaseStage = z
  .object({
    key: ZStageKey,
    name: z.string().trim().min(1).max(40),
    nameEn: z.string().trim().min(1).max(60),
    limit: ZTimeLimit.nullable(),
    terminal: z.boolean(),
  })
  .refine((stage) => stage.terminal === (stage.limit === null), {
    message: 'validation.stageLimit',
    path: ['limit'],
  });
export type TCaseStage = z.infer<typeof ZCaseStage>;

/**
 * A configurable case type: the ordered stages a kind of case goes through. Types are kept per
 * unit and inherited down the tree: a unit uses its own type for a kind if it has one, else its
 * nearest ancestor's, else the federation defaults below.
 */
export const ZCaseTypeDefinition = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'validation.caseTypeCode' }),
    name: z.string().trim().min(1).max(60),
    nameEn: z.string().trim().min(1).max(80),
    kinds: z.array(ZCaseKind).min(1),
    stages: z.array(ZCaseStage).min(2).max(20),
  })
  .refine((type) => new Set(type.stages.map((stage) => stage.key)).size === type.stages.length, {
    message: 'validation.stageKeysUnique',
    path: ['stages'],
  })
  .refine((type) => type.stages[0]?.terminal === false, {
    message: 'validation.firstStageOpen',
    path: ['stages'],
  })
  .refine((type) => type.stages.at(-1)?.terminal === true, {
    message: 'validation.lastStageTerminal',
    path: ['stages'],
  });
export type TCaseTypeDefinition = z.infer<typeof ZCaseTypeDefinition>;

const working = (amount: number): TTimeLimit => ({ amount, unit: 'working_days' });
const calendar = (amount: number): TTimeLimit => ({ amount, unit: 'calendar_days' });

function stage(key: string, name: string, nameEn: string, limit: TTimeLimit | null): TCaseStage {
  return { key, name, nameEn, limit, terminal: limit === null };
}

/**
 * The federation's default case types, written to the root unit the first time a case needs
 * one. Time limits follow the practice the law sets where it sets one: labour dispute
 * mediation ends within 15 days of the request (劳动争议调解仲裁法 第十四条), arbitration within
 * 45 days (第四十三条), and a union answers a member's complaint within a fortnight of work.
 */
export const DEFAULT_CASE_TYPES: readonly TCaseTypeDefinition[] = [
  {
    code: 'RIGHTS',
    name: '职工维权',
    nameEn: 'Workplace rights',
    kinds: ['WORKPLACE_PROBLEM'],
    stages: [
      stage('intake', '受理', 'Intake', working(2)),
      stage('investigation', '调查核实', 'Investigation', working(10)),
      stage('negotiation', '协商', 'Negotiation', working(15)),
      stage('mediation', '调解', 'Mediation', calendar(15)),
      stage('arbitration', '仲裁', 'Arbitration', calendar(45)),
      stage('resolution', '落实结果', 'Resolution', working(10)),
      stage('closed', '办结', 'Closed', null),
    ],
  },
  {
    code: 'LEGAL',
    name: '法律咨询',
    nameEn: 'Legal consultation',
    kinds: ['LEGAL_CONSULTATION'],
    stages: [
      stage('intake', '受理', 'Intake', working(1)),
      stage('answer', '律师解答', 'Answer', working(5)),
      stage('closed', '办结', 'Closed', null),
    ],
  },
  {
    code: 'MEDIATION',
    name: '劳动争议调解',
    nameEn: 'Labour dispute mediation',
    kinds: ['MEDIATION'],
    stages: [
      stage('intake', '受理', 'Intake', working(3)),
      stage('mediation', '调解', 'Mediation', calendar(15)),
      stage('follow_up', '回访履行', 'Follow-up', calendar(30)),
      stage('closed', '办结', 'Closed', null),
    ],
  },
  {
    code: 'SUGGESTION',
    name: '合理化建议',
    nameEn: 'Suggestion to management',
    kinds: ['SUGGESTION'],
    stages: [
      stage('intake', '受理', 'Intake', working(5)),
      stage('consideration', '转交办理', 'With management', working(20)),
      stage('closed', '办结', 'Closed', null),
    ],
  },
];

export const ZCaseTypeListInput = z.object({ orgUnitId: z.uuid() });

/**
 * Writes a case type on a unit: a new one, or the unit's own type with that code changed (the
 * version named must be the current one). A unit overrides an inherited type for a kind by
 * writing its own for that kind. Deactivating a type (`active: false`) lets the ancestors'
 * type for its kinds apply again; cases already open keep the type they were opened with.
 */
export const ZSaveCaseTypeInput = z.object({
  orgUnitId: z.uuid(),
  definition: ZCaseTypeDefinition,
  active: z.boolean().default(true),
  /** The version being changed; absent for a new type. */
  expectedVersion: z.number().int().positive().optional(),
});
export type TSaveCaseTypeInput = z.input<typeof ZSaveCaseTypeInput>;

export const ZCaseTypeEntry = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kinds: z.array(ZCaseKind),
  stages: z.array(ZCaseStage),
  active: z.boolean(),
  version: z.number().int(),
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  /** Held on an ancestor of the unit asked about, and so inherited by it. */
  inherited: z.boolean(),
  /** Whether new cases of its kinds at the unit use it (the nearest active type wins). */
  effective: z.boolean(),
});
export type TCaseTypeEntry = z.infer<typeof ZCaseTypeEntry>;
