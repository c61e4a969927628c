import { ERROR_MESSAGES, VALIDATION_MESSAGES } from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import { issuesToFieldErrors, readApiError, type ClientIssue, type IssueTexts } from './api-error';

/** Shaped like a TRPCClientError as the client builds it from our error formatter. */
class FakeTrpcClientError extends Error {
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = 'TRPCClientError';
  }
}

const FALLBACK = 'Could not reach the server.';

describe('readApiError', () => {
  it('uses the server’s translated message and code', () => {
    const error = new FakeTrpcClientError(ERROR_MESSAGES.ORG_DUPLICATE_CODE.en, {
      appCode: 'ORG_DUPLICATE_CODE',
      httpStatus: 409,
    });
    expect(readApiError(error, FALLBACK)).toEqual({
      message: ERROR_MESSAGES.ORG_DUPLICATE_CODE.en,
      appCode: 'ORG_DUPLICATE_CODE',
      fieldErrors: {},
    });
  });

  it('keys field issues by their dotted path, keeping the first message per field', () => {
    const error = new FakeTrpcClientError('输入有误，请检查标出的字段。', {
      appCode: 'VALIDATION_FAILED',
      httpStatus: 400,
      issues: [
        { path: ['name'], message: '名称太短' },
        { path: ['name'], message: 'second message for name' },
        { path: ['address', 'city'], message: '必填' },
        { path: ['members', 0, 'phone'], message: '格式不正确' },
      ],
    });
    const info = readApiError(error, FALLBACK);
    expect(info.appCode).toBe('VALIDATION_FAILED');
    expect(info.message).toBe('输入有误，请检查标出的字段。');
    expect(info.fieldErrors).toEqual({
      name: '名称太短',
      'address.city': '必填',
      'members.0.phone': '格式不正确',
    });
  });

  it('skips malformed issues instead of failing', () => {
    const error = new FakeTrpcClientError('x', {
      appCode: 'VALIDATION_FAILED',
      issues: [
        null,
        'name',
        { path: 'name', message: 'm' },
        { path: ['code'] },
        { path: ['code'], message: 'ok' },
      ],
    });
    expect(readApiError(error, FALLBACK).fieldErrors).toEqual({ code: 'ok' });
  });

  it('falls back when the error carries no known code (network down, proxy HTML)', () => {
    const network = new FakeTrpcClientError('Failed to fetch', undefined);
    expect(readApiError(network, FALLBACK)).toEqual({
      message: FALLBACK,
      appCode: undefined,
      fieldErrors: {},
    });
    const html = new FakeTrpcClientError('Unexpected token <', { httpStatus: 502 });
    expect(readApiError(html, FALLBACK).message).toBe(FALLBACK);
    const unknownCode = new FakeTrpcClientError('boom', { appCode: 'SOMETHING_ELSE' });
    expect(readApiError(unknownCode, FALLBACK)).toMatchObject({
      message: FALLBACK,
      appCode: undefined,
    });
  });

  it('falls back for a known code without a message, and for non-errors', () => {
    expect(
      readApiError(new FakeTrpcClientError('', { appCode: 'INTERNAL' }), FALLBACK).message,
    ).toBe(FALLBACK);
    expect(
      readApiError({ data: { appCode: 'INTERNAL' }, message: 'not an Error' }, FALLBACK),
    ).toEqual({
      message: FALLBACK,
      appCode: 'INTERNAL',
      fieldErrors: {},
    });
    for (const thrown of [undefined, null, 'a string', 42]) {
      expect(readApiError(thrown, FALLBACK)).toEqual({
        message: FALLBACK,
        appCode: undefined,
        fieldErrors: {},
      });
    }
  });
});

describe('issuesToFieldErrors', () => {
  const texts: IssueTexts = {
    required: 'Required',
    tooShort: (minimum) => `At least ${minimum}`,
    tooLong: (maximum) => `At most ${maximum}`,
    choose: 'Choose one',
    invalid: 'Invalid',
  };
  const issue = (fields: Partial<ClientIssue> & Pick<ClientIssue, 'code'>): ClientIssue => ({
    path: ['name'],
    message: 'zod default message',
    ...fields,
  });

  it('translates our own rules by their message key in the given locale', () => {
    const issues = [
      issue({ code: 'invalid_format', path: ['code'], message: 'validation.orgCode' }),
    ];
    expect(issuesToFieldErrors(issues, 'zh-CN', texts)).toEqual({
      code: VALIDATION_MESSAGES['validation.orgCode']['zh-CN'],
    });
    expect(issuesToFieldErrors(issues, 'en', texts)).toEqual({
      code: VALIDATION_MESSAGES['validation.orgCode'].en,
    });
  });

  it('tells an empty field apart from a short one', () => {
    expect(
      issuesToFieldErrors([issue({ code: 'too_small', minimum: 2, input: '' })], 'en', texts),
    ).toEqual({
      name: 'Required',
    });
    expect(
      issuesToFieldErrors([issue({ code: 'too_small', minimum: 2, input: 'a' })], 'en', texts),
    ).toEqual({
      name: 'At least 2',
    });
  });

  it('covers too long, choices, missing and wrong types', () => {
    const result = issuesToFieldErrors(
      [
        issue({ code: 'too_big', path: ['name'], maximum: 100n }),
        issue({ code: 'invalid_value', path: ['kind'] }),
        issue({ code: 'invalid_type', path: ['parentId'], input: undefined }),
        issue({ code: 'invalid_type', path: ['version'], input: 'x' }),
        issue({ code: 'custom', path: ['other'] }),
      ],
      'en',
      texts,
    );
    expect(result).toEqual({
      name: 'At most 100',
      kind: 'Choose one',
      parentId: 'Required',
      version: 'Invalid',
      other: 'Invalid',
    });
  });

  it('keeps the first issue per field and joins nested paths with dots', () => {
    const result = issuesToFieldErrors(
      [
        issue({ code: 'too_small', minimum: 2, input: '' }),
        issue({ code: 'too_big', maximum: 100 }),
        issue({ code: 'invalid_type', path: ['members', 0, 'phone'], input: 1 }),
      ],
      'en',
      texts,
    );
    expect(result).toEqual({ name: 'Required', 'members.0.phone': 'Invalid' });
  });
});
