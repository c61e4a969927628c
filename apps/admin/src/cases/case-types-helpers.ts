import type { TCaseKind, TCaseTypeEntry, TTimeLimitUnit } from '@unionhall/domain';

/** How a stage ends in the form: after a time limit in one of two day counts, or never. */
export type TStageMode = TTimeLimitUnit | 'terminal';

export interface TStageDraft {
  /** React's key for the row: stage keys can be typed, so they cannot name the row. */
  rowId: string;
  key: string;
  name: string;
  nameEn: string;
  mode: TStageMode;
  /** As typed; turned into a number only when the form is checked. */
  amount: string;
  /** Saved before: its key is stored on cases, so it may not be edited. */
  saved: boolean;
}

export interface TCaseTypeDraft {
  code: string;
  name: string;
  nameEn: string;
  kinds: TCaseKind[];
  stages: TStageDraft[];
  active: boolean;
}

let nextRow = 0;
const rowId = () => `stage-${(nextRow += 1)}`;

export function emptyStage(): TStageDraft {
  return {
    rowId: rowId(),
    key: '',
    name: '',
    nameEn: '',
    mode: 'working_days',
    amount: '',
    saved: false,
  };
}

/** A new type starts with an open first stage and a terminal last one, as every type needs. */
export function newTypeDraft(): TCaseTypeDraft {
  return {
    code: '',
    name: '',
    nameEn: '',
    kinds: [],
    stages: [
      { ...emptyStage(), key: 'intake', name: '受理', nameEn: 'Intake', amount: '3' },
      { ...emptyStage(), key: 'closed', name: '办结', nameEn: 'Closed', mode: 'terminal' },
    ],
    active: true,
  };
}

export function draftFromEntry(entry: TCaseTypeEntry): TCaseTypeDraft {
  return {
    code: entry.code,
    name: entry.name,
    nameEn: entry.nameEn,
    kinds: [...entry.kinds],
    stages: entry.stages.map((stage) => ({
      rowId: rowId(),
      key: stage.key,
      name: stage.name,
      nameEn: stage.nameEn,
      mode: stage.limit ? stage.limit.unit : 'terminal',
      amount: stage.limit ? String(stage.limit.amount) : '',
      saved: true,
    })),
    active: entry.active,
  };
}

/** An empty amount is missing (required); anything else not a whole number is invalid. */
function amountOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The draft in the shape of ZCaseTypeDefinition, for the client check and the API. */
export function draftToDefinition(draft: TCaseTypeDraft) {
  return {
    code: draft.code.trim(),
    name: draft.name,
    nameEn: draft.nameEn,
    kinds: draft.kinds,
    stages: draft.stages.map((stage) => ({
      key: stage.key.trim(),
      name: stage.name,
      nameEn: stage.nameEn,
      limit:
        stage.mode === 'terminal' ? null : { amount: amountOf(stage.amount), unit: stage.mode },
      terminal: stage.mode === 'terminal',
    })),
  };
}

/** Moves the stage at `index` by `delta` places; out of range, the list stays as it is. */
export function moveStage<T>(stages: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const moving = stages[index];
  if (moving === undefined || target < 0 || target >= stages.length) return [...stages];
  const next = stages.filter((_, position) => position !== index);
  next.splice(target, 0, moving);
  return next;
}

/** A new stage goes before the terminal stages at the end, where open stages belong. */
export function addStage(stages: readonly TStageDraft[]): TStageDraft[] {
  let at = stages.length;
  while (at > 0 && stages[at - 1]?.mode === 'terminal') at -= 1;
  return [...stages.slice(0, at), emptyStage(), ...stages.slice(at)];
}

/** The API names fields under `definition.`; the form names them as the definition does. */
export function definitionFieldErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.startsWith('definition.') ? path.slice('definition.'.length) : path;
    result[key] ??= message;
  }
  return result;
}
