import { describe, expect, it } from 'vitest';
import { html, jsonScript } from './html';

describe('html', () => {
  it('escapes every value, so markup from a plugin shows as text', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<h1 title="${name}">${name}</h1>`.text).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>',
    );
  });

  it('keeps nested html as it is and escapes array items one by one', () => {
    const items = ['a&b', html`<b>${"it's"}</b>`];
    expect(html`<p>${items}${undefined}${false}</p>`.text).toBe('<p>a&amp;b<b>it&#39;s</b></p>');
  });

  it('puts JSON in a script element that a </script> inside cannot close', () => {
    const out = jsonScript('data', { name: '</script><img src=x>' }).text;
    expect(out).not.toContain('</script><img');
    const json = out.slice(out.indexOf('>') + 1, out.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual({ name: '</script><img src=x>' });
  });
});
