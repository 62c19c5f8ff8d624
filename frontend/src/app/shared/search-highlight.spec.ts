import { markOnly } from './search-highlight';

describe('markOnly', () => {
  it('keeps the server’s <mark> and its escaped text as they are', () => {
    const html = '&lt;b&gt;<mark>鱼台</mark>&lt;/b&gt; &amp; &quot;引号&quot;';
    expect(markOnly(html)).toBe(html);
  });

  it('escapes any other tag, whatever the server sent', () => {
    expect(markOnly('<img src=x onerror=alert(1)><mark>鱼台</mark><script>x</script>')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<mark>鱼台</mark>&lt;script&gt;x&lt;/script&gt;',
    );
    expect(markOnly('<mark onclick="x">a</mark>')).toBe('&lt;mark onclick="x"&gt;a</mark>');
  });
});
