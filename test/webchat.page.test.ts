import { ConfigError, loadConfig } from '../src/domain/config.js';
import { pageLanguage } from '../src/domain/language.js';
import { useRunningApp } from './support/app.js';
import { text } from './support/i18n.js';

describe('the Web Chat page', () => {
  const app = useRunningApp();

  test('is rendered in the browser language: Swedish texts, lang="sv", phone viewport, labelled language choice', async () => {
    const response = await fetch(`${app.current.url}/`, { headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<h1 data-text="heading">${text('sv', 'webchat:heading')}</h1>`);
    expect(html).toContain(`<label for="language" data-text="languageLabel">${text('sv', 'webchat:languageLabel')}</label>`);
    expect(html).toContain('<option value="sv" lang="sv" selected>Svenska</option>');
    expect(html).toContain('<main');
  });

  test('English for an English browser, and ?lang= overrides the browser', async () => {
    const english = await (await fetch(`${app.current.url}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(text('en', 'webchat:intro'));
    const chosen = await (await fetch(`${app.current.url}/?lang=sv`, { headers: { 'accept-language': 'en-GB' } })).text();
    expect(chosen).toContain('<html lang="sv">');
  });

  test('serves Web Chat from node_modules and our own script, with no external host anywhere', async () => {
    const page = await fetch(`${app.current.url}/`);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${app.current.url}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    expect((await fetch(`${app.current.url}/webchat/chat.js`)).status).toBe(200);
    expect((await fetch(`${app.current.url}/webchat/chat.css`)).status).toBe(200);
    expect((await fetch(`${app.current.url}/webchat/..%2Fpackage.json`)).status).toBe(404);
  });

  test('the page texts embedded for switching carry each language, escaped for a script element', async () => {
    const html = await (await fetch(`${app.current.url}/`)).text();
    const json = /<script type="application\/json" id="page-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const config = JSON.parse(json) as { texts: Record<string, Record<string, string>>; webChatLocales: Record<string, string> };
    expect(config.webChatLocales).toEqual({ sv: 'sv-SE', en: 'en-US' });
    expect(config.texts.sv?.heading).toBe(text('sv', 'webchat:heading'));
    expect(config.texts.en?.heading).toBe(text('en', 'webchat:heading'));
  });
});

describe('page language and configuration', () => {
  test('the first language the browser prefers that we speak, by quality', () => {
    expect(pageLanguage(undefined, 'fr-FR,fr;q=0.9,sv;q=0.8,en;q=0.7', 'en')).toBe('sv');
    expect(pageLanguage(undefined, 'en;q=0.5,sv;q=0.9', 'en')).toBe('sv');
    // A browser asking only for other languages gets English, as the bot answers any other locale.
    expect(pageLanguage(undefined, 'de-DE', 'sv')).toBe('en');
    expect(pageLanguage(undefined, '*', 'sv')).toBe('sv');
    expect(pageLanguage('sv-SE', 'en-US', 'en')).toBe('sv');
    expect(pageLanguage(undefined, undefined, 'en')).toBe('en');
    expect(pageLanguage('en', 'sv-SE', 'sv')).toBe('en');
    expect(pageLanguage('xx', 'en-US', 'sv')).toBe('en');
  });

  test('WEBCHAT_ENABLED is on by default and reads true/false', () => {
    expect(loadConfig({}).webChatEnabled).toBe(true);
    expect(loadConfig({ WEBCHAT_ENABLED: '' }).webChatEnabled).toBe(true);
    expect(loadConfig({ WEBCHAT_ENABLED: 'false' }).webChatEnabled).toBe(false);
    expect(loadConfig({ WEBCHAT_ENABLED: 'No' }).webChatEnabled).toBe(false);
    expect(loadConfig({ WEBCHAT_ENABLED: 'true' }).webChatEnabled).toBe(true);
    expect(() => loadConfig({ WEBCHAT_ENABLED: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ WEBCHAT_ENABLED: 'maybe' });
    } catch (error) {
      expect((error as ConfigError).lines).toEqual(['WEBCHAT_ENABLED="maybe": must be true or false']);
    }
  });
});
