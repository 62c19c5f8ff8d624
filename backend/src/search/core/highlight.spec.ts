import { escapeHtml, highlightAll, hitRanges, snippet } from './highlight';

describe('highlighting', () => {
  it('escapes every character of the text and marks only the hits', () => {
    expect(highlightAll('<b>梁山</b> & "鱼台"', ['梁山', '鱼台'])).toBe(
      '&lt;b&gt;<mark>梁山</mark>&lt;/b&gt; &amp; &quot;<mark>鱼台</mark>&quot;',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('marks hits across line breaks, width and script variants in the original text', () => {
    expect(highlightAll('梁\n山县', ['梁山'])).toBe('<mark>梁山</mark>县');
    expect(highlightAll('鄉村 ＡＰＥＣ, APEC', ['乡村', 'apec'])).toBe(
      '<mark>鄉村ＡＰＥＣ</mark>, <mark>APEC</mark>',
    );
    expect(hitRanges('abab', ['ab', 'ba'])).toEqual([[0, 4]]);
  });

  it('cuts snippets around the first hits, with … where text is cut', () => {
    const text = `${'甲'.repeat(200)}梁山${'乙'.repeat(200)}鱼台${'丙'.repeat(200)}`;
    const s = snippet(text, ['梁山', '鱼台'], { length: 40 });
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('<mark>梁山</mark>');
    expect(s).toContain('<mark>鱼台</mark>');
    expect(s.split('…').length).toBe(5);
  });

  it('shows the start of the text when nothing is hit, and nothing for an empty text', () => {
    expect(snippet('短文<本>', ['梁山'])).toBe('短文&lt;本&gt;');
    expect(snippet('', ['梁山'])).toBe('');
  });
});
