import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { toLocale, type Locale } from '../../domain/shared/locale';
import { translator } from '../../i18n';

/** Web Chat's own UI strings (send button, timestamps, screen reader texts) follow this locale. */
const webChatLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-US' };

export interface LocalUser {
  id: string;
  name: string;
  conversationId: string;
}

const maxNameLength = 40;

/** The same name always gets the same ids, so one person can be the leader in one tab and participants in others. */
export function localUserOf(rawName: string | undefined | null): LocalUser {
  const name = (rawName ?? '').replace(/\s+/g, ' ').trim().slice(0, maxNameLength) || 'Local user';
  const hash = createHash('sha256').update(name.toLowerCase()).digest('hex').slice(0, 16);
  return { id: `local-${hash}`, name, conversationId: `lwc-${hash}` };
}

/** ?lang= first, then the browser's Accept-Language, then the bot's default. */
export function pageLocaleOf(req: Request, fallback: Locale): Locale {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const asked = toLocale(query.get('lang'));
  if (asked) return asked;
  const accept = String(req.headers['accept-language'] ?? '');
  for (const part of accept.split(',')) {
    const tag = part.split(';')[0]?.trim();
    const found = toLocale(tag);
    if (found) return found;
  }
  return fallback;
}

/** Local mode opens (or finds) the person's conversation and gives the page its secret. */
export type PageMode = { kind: 'local'; open: (user: LocalUser) => { secret: string } | undefined } | { kind: 'directline'; endpoint: string };

/** The page's policy: only our own scripts; Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only. */
export function contentSecurityPolicy(mode: PageMode): string {
  const connect = ["'self'"];
  if (mode.kind === 'directline') {
    const origin = new URL(mode.endpoint);
    connect.push(origin.origin, `${origin.protocol === 'http:' ? 'ws:' : 'wss:'}//${origin.host}`);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside <script type="application/json">: "<" escaped so no text can close the element. */
const jsonForHtml = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function renderPage(locale: Locale, mode: PageMode, local?: { user: LocalUser; secret: string }): string {
  const user = local?.user;
  const t = translator(locale);
  const config = {
    mode: mode.kind,
    locale,
    webChatLocale: webChatLocales[locale],
    texts: {
      connecting: t('webchat.connecting'),
      connected: t('webchat.connected'),
      reconnecting: t('webchat.reconnecting'),
      failed: t('webchat.failed'),
      busy: t('webchat.busy'),
    },
    ...(mode.kind === 'directline' ? { directLine: { domain: `${mode.endpoint}/v3/directline` } } : {}),
    ...(local ? { local: { user: { id: local.user.id, name: local.user.name }, conversationId: local.user.conversationId, secret: local.secret } } : {}),
  };
  const notice = user ? `<p class="notice">${escapeHtml(t('webchat.localMode', { name: user.name }))}</p>` : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#2E6B5E">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(t('webchat.title'))}</title>
<link rel="stylesheet" href="/webchat/page.css">
<script type="application/json" id="webchat-config">${jsonForHtml(config)}</script>
</head>
<body>
<header class="bar">
<h1>${escapeHtml(t('webchat.heading'))}</h1>
${notice}
</header>
<main class="chat" aria-labelledby="chat-label">
<h2 id="chat-label" class="visually-hidden">${escapeHtml(t('webchat.chatLabel'))}</h2>
<p id="status" class="status" role="status" aria-live="polite">${escapeHtml(t('webchat.connecting'))}</p>
<noscript><p class="status">${escapeHtml(t('webchat.noScript'))}</p></noscript>
<div id="webchat" class="webchat" role="region" aria-label="${escapeHtml(t('webchat.chatLabel'))}"></div>
</main>
<script src="/webchat/webchat.js"></script>
<script src="/webchat/history.js"></script>
<script src="/webchat/answerFocus.js"></script>
<script src="/webchat/page.js"></script>
</body>
</html>
`;
}

export interface PageRouteOptions {
  mode: PageMode;
  defaultLocale: Locale;
}

export function registerPageRoute(options: PageRouteOptions) {
  return (server: Server) => {
    server.get('/', (req: Request, res: Response, next) => {
      const locale = pageLocaleOf(req, options.defaultLocale);
      let local: { user: LocalUser; secret: string } | undefined;
      if (options.mode.kind === 'local') {
        const user = localUserOf(new URL(req.url ?? '/', 'http://localhost').searchParams.get('user'));
        const opened = options.mode.open(user);
        if (!opened) {
          res.send(503, { error: 'too many local conversations open' });
          return next();
        }
        local = { user, secret: opened.secret };
      }
      const html = renderPage(locale, options.mode, local);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': contentSecurityPolicy(options.mode),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'content-language': locale,
        vary: 'Accept-Language',
      });
      res.end(html);
      next();
    });
  };
}
