import { describe, expect, it } from 'vitest';
import { FALLBACK_BODY, FALLBACK_TITLE, noticeUrl, parsePushPayload } from './push-payload';

const ORIGIN = 'https://union.example.org';

describe('push messages in the service worker', () => {
  it('show the title and body, and open the link on the app', () => {
    expect(
      parsePushPayload(
        JSON.stringify({
          title: '会费提醒',
          body: '本月会费待缴',
          link: '/dues?month=11',
          tag: 'dues',
        }),
        ORIGIN,
      ),
    ).toEqual({
      title: '会费提醒',
      body: '本月会费待缴',
      url: 'https://union.example.org/dues?month=11',
      tag: 'dues',
    });
  });

  it('show a generic notice for a message they cannot read', () => {
    for (const text of [null, '', 'not json', '[]', '{"title": 3}']) {
      expect(parsePushPayload(text, ORIGIN)).toEqual({
        title: FALLBACK_TITLE,
        body: FALLBACK_BODY,
        url: `${ORIGIN}/`,
      });
    }
  });

  it('never open another site', () => {
    expect(noticeUrl('https://evil.example/phish', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(noticeUrl('//evil.example/x', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(noticeUrl('javascript:alert(1)', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(noticeUrl(`${ORIGIN}/account`, ORIGIN)).toBe(`${ORIGIN}/account`);
    expect(noticeUrl(undefined, ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
