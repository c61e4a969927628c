import { describe, expect, it } from 'vitest';
import { excerptOf, imagesIn, sanitizeAnnouncementHtml } from './sanitize';

const mine = '0b6c3a52-7d0e-4c1b-9a55-3f1e2d4c5b6a';
const other = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const src = (id: string) => `/api/files/announcements/${id}`;

describe('announcement HTML', () => {
  const clean = (html: string) => sanitizeAnnouncementHtml(html, new Set([mine]));

  it('keeps what the editor makes', () => {
    const html =
      '<h2>通知</h2><p><strong>重要</strong> <em>事项</em> <u>下划线</u> <s>删除</s> <code>x</code></p>' +
      '<ul><li><p>一</p></li></ul><ol start="3"><li>三</li></ol><blockquote><p>引用</p></blockquote><hr>' +
      '<pre><code>code</code></pre>';
    expect(clean(html)).toBe(html.replace('<hr>', '<hr />'));
  });

  it('drops scripts, event handlers, styles and dangerous links', () => {
    expect(clean('<p onclick="alert(1)" style="color:red" class="x">hi</p>')).toBe('<p>hi</p>');
    expect(clean('<script>alert(1)</script><p>ok</p>')).toBe('<p>ok</p>');
    expect(clean('<iframe src="https://evil.example"></iframe><p>ok</p>')).toBe('<p>ok</p>');
    expect(clean('<a href="javascript:alert(1)">x</a>')).toBe(
      '<a rel="noopener noreferrer" target="_blank">x</a>',
    );
    expect(clean('<svg><script>alert(1)</script></svg><p>a</p>')).toBe('<p>a</p>');
    expect(clean('<p>a<style>p{}</style></p>')).toBe('<p>a</p>');
  });

  it('opens links in a new tab without handing over the page', () => {
    expect(clean('<a href="https://union.example/x" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://union.example/x" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });

  it('keeps only the announcement’s own uploaded images', () => {
    expect(clean(`<p><img src="${src(mine)}" alt="合影" onerror="alert(1)"></p>`)).toBe(
      `<p><img src="${src(mine)}" alt="合影" /></p>`,
    );
    expect(clean(`<img src="${src(other)}">`)).toBe('');
    expect(clean('<img src="https://tracker.example/pixel.gif">')).toBe('');
    expect(clean('<img src="data:image/png;base64,AAAA">')).toBe('');
    expect(clean(`<img src="https://evil.example${src(mine)}">`)).toBe('');
  });

  it('lists the images a body shows', () => {
    expect(imagesIn(`<p><img src="${src(mine)}"><img src="/x.png"></p>`)).toEqual(new Set([mine]));
  });

  it('makes a one-line excerpt of the text', () => {
    expect(excerptOf('<h2>标题</h2><p>第一段 &amp; <strong>重点</strong></p><p>第二段</p>')).toBe(
      '标题 第一段 & 重点 第二段',
    );
    const long = excerptOf(`<p>${'工'.repeat(300)}</p>`);
    expect([...long]).toHaveLength(140);
    expect(long.endsWith('…')).toBe(true);
  });
});
