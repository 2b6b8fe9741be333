import type { Express, Request } from 'express';
import type { MailSink } from '../core/mail/mail-sink.js';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function fromLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * The built-in mailbox: when no SMTP_URL is configured, e-mails go to a local SMTP sink and
 * can be read here, from this machine only (they carry invitation links).
 */
export function mountMailbox(app: Express, sink: MailSink): void {
  app.get('/mailbox', (req, res) => {
    if (!fromLoopback(req)) {
      res.status(404).end();
      return;
    }
    const items = [...sink.messages]
      .reverse()
      .map(
        (m) => `<article><h2>${escapeHtml(m.subject)}</h2><p class="meta">To ${escapeHtml(m.to.join(', '))} · ${m.receivedAt.toISOString()}</p>
<pre>${escapeHtml(m.text).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</pre></article>`,
      )
      .join('\n');
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Annex mailbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
article{border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin:1rem 0}h2{font-size:1.05rem;margin:0}
.meta{color:#555;font-size:.85rem}pre{white-space:pre-wrap;font-family:inherit}</style></head><body>
<h1>Annex mailbox</h1><p>E-mails sent by this Annex while no SMTP server is configured (SMTP_URL). Newest first; kept in memory until restart.</p>
${items || '<p><em>No e-mail yet. Invite a member to see one here.</em></p>'}</body></html>`);
  });
}
