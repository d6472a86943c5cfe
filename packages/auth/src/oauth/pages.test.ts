import { describe, expect, it } from 'vitest';
import { consentPage, errorPage, escapeHtml } from './pages';

const request = {
  client_id: 'c',
  redirect_uri: 'https://host.example/cb',
  response_type: 'code',
  state: '"><img src=x onerror=alert(1)>',
  scope: 'todos',
  code_challenge: '',
  code_challenge_method: '',
  resource: '',
};

describe('the pages', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });

  it('never lets a request value out of its attribute', () => {
    const html = consentPage({
      appName: 'A <b>',
      action: '/oauth/authorize',
      request,
      scopeWords: ['<i>x</i>'],
      csrfToken: 't',
      username: '"u',
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('value="&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"');
    expect(html).not.toMatch(/<script/i);
  });

  it('names the client and the host its answer goes to, escaped', () => {
    const page = (clientName?: string) =>
      consentPage({
        appName: 'A',
        action: '/a',
        request,
        clientName,
        scopeWords: [],
        csrfToken: 't',
      });
    expect(page('Evil <script>"')).toContain(
      '<strong>Evil &#60;script&#62;&#34;</strong> at <strong>host.example</strong> asks to',
    );
    expect(page()).toContain('The app at <strong>host.example</strong> asks to');
  });

  it('gives the error page no link and no redirect', () => {
    const html = errorPage('App', 'Refused', 'Because <reasons>');
    expect(html).not.toMatch(/<a |http-equiv|<script/i);
    expect(html).toContain('Because &#60;reasons&#62;');
  });
});
