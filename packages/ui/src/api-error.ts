import {
  ERROR_CODES,
  VALIDATION_MESSAGES,
  isValidationMessageKey,
  type TErrorCode,
  type TLocale,
} from '@unionhall/domain';

/** What a form or page needs from a failed call: one message and one message per field. */
export interface ApiErrorInfo {
  message: string;
  appCode: TErrorCode | undefined;
  /** Keyed by the issue path joined with dots, e.g. "name" or "code". */
  fieldErrors: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isErrorCode(value: unknown): value is TErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Reads a tRPC client error without importing the tRPC client (this package stays free of
 * it): the server sends `data.appCode`, `data.issues` and a message already in the UI
 * language. Anything else (the network is down, a proxy answered HTML) gets `fallback`.
 */
export function readApiError(error: unknown, fallback: string): ApiErrorInfo {
  const data = isRecord(error) && isRecord(error.data) ? error.data : undefined;
  const appCode = data && isErrorCode(data.appCode) ? data.appCode : undefined;
  const fieldErrors: Record<string, string> = {};
  if (data && Array.isArray(data.issues)) {
    for (const issue of data.issues) {
      if (!isRecord(issue) || !Array.isArray(issue.path) || typeof issue.message !== 'string')
        continue;
      const key = issue.path.join('.');
      fieldErrors[key] ??= issue.message;
    }
  }
  const message = appCode && error instanceof Error && error.message ? error.message : fallback;
  return { message, appCode, fieldErrors };
}

/** The parts of a zod issue the forms translate (zod itself is not imported here). */
export interface ClientIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
}

export interface IssueTexts {
  required: string;
  tooShort: (minimum: number) => string;
  tooLong: (maximum: number) => string;
  choose: string;
  invalid: string;
}

/**
 * Turns zod issues from client-side validation into one translated message per field, using
 * the same message keys the API translates (VALIDATION_MESSAGES) for the custom rules.
 */
export function issuesToFieldErrors(
  issues: readonly ClientIssue[],
  locale: TLocale,
  texts: IssueTexts,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (result[key]) continue;
    result[key] = issueText(issue, locale, texts);
  }
  return result;
}

function issueText(issue: ClientIssue, locale: TLocale, texts: IssueTexts): string {
  if (isValidationMessageKey(issue.message)) return VALIDATION_MESSAGES[issue.message][locale];
  switch (issue.code) {
    case 'too_small':
      return issue.input === '' ? texts.required : texts.tooShort(Number(issue.minimum ?? 0));
    case 'too_big':
      return texts.tooLong(Number(issue.maximum ?? 0));
    case 'invalid_value':
      return texts.choose;
    case 'invalid_type':
      return issue.input === undefined ? texts.required : texts.invalid;
    default:
      return texts.invalid;
  }
}
