import { escapeHtml, jsonForScript } from '../html.js';
import type { i18n } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../../domain/config.js';

/** The locale Web Chat gets for each language: it picks its own UI strings (Swedish: 'sv-SE') by it. */
export const WEB_CHAT_LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-US' };

const PAGE_TEXT_KEYS = [
  'pageTitle',
  'heading',
  'intro',
  'languageLabel',
  'chatHeading',
  'connecting',
  'connectionFailed',
  'noScript',
  'skipToChat',
  'switchPhrase',
] as const;
type PageTexts = Record<(typeof PAGE_TEXT_KEYS)[number], string>;

/**
 * Where the page's Web Chat gets its token and then connects: the built-in endpoint on this server
 * (`path`, polling) or Azure's Direct Line (`domain`, WebSocket).
 */
export type PageDirectLine =
  | { tokenPath: string; path: string; webSocket: false }
  | { tokenPath: string; domain: string; webSocket: true };

export interface PageInputs {
  language: Language;
  i18n: i18n;
  directLine: PageDirectLine;
  assetsPath: string;
}

function pageTexts(i18n: i18n, language: Language): PageTexts {
  const t = i18n.getFixedT(language, 'webchat');
  return Object.fromEntries(PAGE_TEXT_KEYS.map((key) => [key, t(key)])) as PageTexts;
}

/** The chat page, rendered in one language; the other's texts ride along for switching without a reload. */
export function renderPage({ language, i18n, directLine, assetsPath }: PageInputs): string {
  const texts = pageTexts(i18n, language);
  const languageNames = i18n.getFixedT(language, 'webchat');
  const config = {
    language,
    directLine,
    webChatLocales: WEB_CHAT_LOCALES,
    texts: Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, pageTexts(i18n, lng)])),
  };
  const options = SUPPORTED_LANGUAGES.map(
    (lng) =>
      `<option value="${lng}" lang="${lng}"${lng === language ? ' selected' : ''}>${escapeHtml(languageNames(`languages.${lng}`))}</option>`,
  ).join('');
  const html = (key: keyof PageTexts) => escapeHtml(texts[key]);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title data-text="pageTitle">${html('pageTitle')}</title>
<link rel="stylesheet" href="${assetsPath}/chat.css">
</head>
<body>
<a class="skip-link" href="#webchat" data-text="skipToChat">${html('skipToChat')}</a>
<header class="page-header">
<div class="page-header__text">
<h1 data-text="heading">${html('heading')}</h1>
<p data-text="intro">${html('intro')}</p>
</div>
<div class="language-choice">
<label for="language" data-text="languageLabel">${html('languageLabel')}</label>
<select id="language" name="language">${options}</select>
</div>
</header>
<main class="chat" aria-labelledby="chat-heading">
<h2 id="chat-heading" class="visually-hidden" data-text="chatHeading">${html('chatHeading')}</h2>
<p id="chat-status" class="chat-status" role="status" data-text="connecting">${html('connecting')}</p>
<noscript><p class="chat-status" data-text="noScript">${html('noScript')}</p></noscript>
<div id="webchat" class="webchat" tabindex="-1"></div>
</main>
<script type="application/json" id="page-config">${jsonForScript(config)}</script>
<script src="${assetsPath}/webchat.js"></script>
<script src="${assetsPath}/chat.js"></script>
</body>
</html>
`;
}
