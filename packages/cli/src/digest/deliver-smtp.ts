/**
 * Sends digests by email through an SMTP server with nodemailer: a plain-text and an HTML part, one
 * message per recipient. The user and password come only from PANOPTICON_SMTP_USER / PANOPTICON_SMTP_PASS
 * and never appear in a message: a failure names the server and the step (connect, TLS, login, sender,
 * recipient, message), with the password and user blanked out of anything the server said.
 *
 * @module
 */
import type { SmtpConfig } from './config-schema.js';

export interface SmtpOptions {
  smtp: SmtpConfig;
  from: string;
  timeoutMs: number;
  env: Record<string, string | undefined>;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Inline images, referred to from the HTML as `cid:<cid>`. */
  inline?: { filename: string; content: Uint8Array; cid: string; contentType: string }[];
}

/** A failed delivery, its message written for people (no secret in it). */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
}

/** An open SMTP sender: `send` one message at a time, `close` at the end. */
export interface SmtpSender {
  /** "smtp.example.com:587": how the server is named in messages. */
  server: string;
  send(email: Email): Promise<void>;
  close(): void;
}

/** A sender for the configured server (nodemailer is loaded only when mail is sent). */
export async function smtpSender(options: SmtpOptions): Promise<SmtpSender> {
  const { smtp, from, timeoutMs, env } = options;
  const nodemailer = await import('nodemailer');
  const user = env.PANOPTICON_SMTP_USER?.trim() || undefined;
  const pass = env.PANOPTICON_SMTP_PASS || undefined;
  if ((user === undefined) !== (pass === undefined)) {
    throw new DeliveryError(
      `SMTP: set both PANOPTICON_SMTP_USER and PANOPTICON_SMTP_PASS to log in, or neither (${user ? 'the password' : 'the user'} is missing).`,
    );
  }
  const secure = smtp.secure ?? smtp.port === 465;
  const port = smtp.port ?? (secure ? 465 : 587);
  const starttls = smtp.starttls ?? (user ? 'required' : 'if-offered');
  const server = `${smtp.host}:${port}`;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port,
    secure,
    requireTLS: !secure && starttls === 'required',
    ignoreTLS: !secure && starttls === 'never',
    ...(user && pass ? { auth: { user, pass } } : {}),
    ...(smtp.tlsRejectUnauthorized === false ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const secrets = [pass, user].filter((s): s is string => s !== undefined && s.length > 0);
  return {
    server,
    async send(email) {
      try {
        await transport.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: (email.inline ?? []).map((a) => ({ ...a, content: Buffer.from(a.content), contentDisposition: 'inline' as const })),
        });
      } catch (error) {
        throw new DeliveryError(`SMTP server ${server}: ${describeSmtpError(error, timeoutMs, secrets)}`);
      }
    },
    close: () => transport.close(),
  };
}

/** Which step failed and what the server said, with the secrets blanked out. */
export function describeSmtpError(error: unknown, timeoutMs: number, secrets: readonly string[]): string {
  const e = error as { code?: string; command?: string; responseCode?: number; response?: string; message?: string };
  const said = redact(e.response ?? e.message ?? String(error), secrets)
    .replace(/\s+/g, ' ')
    .trim();
  const step = stepOf(e.code, e.command);
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? ''))
    return `${step}: no answer within ${timeoutMs / 1000} s (digest.timeoutSeconds).`;
  if (e.code === 'EAUTH') return `login failed (${said}); check PANOPTICON_SMTP_USER and PANOPTICON_SMTP_PASS.`;
  if (e.code === 'ENOAUTH') return 'the server asks for a login: set PANOPTICON_SMTP_USER and PANOPTICON_SMTP_PASS.';
  return `${step} failed${e.responseCode ? ` (${e.responseCode})` : ''}: ${said}`;
}

function stepOf(code: string | undefined, command: string | undefined): string {
  if (code === 'ETLS' || code === 'EREQUIRETLS' || command === 'STARTTLS') return 'TLS';
  if (code === 'EAUTH' || code === 'ENOAUTH' || command?.startsWith('AUTH')) return 'login';
  if (command === 'MAIL FROM') return 'sender';
  if (command === 'RCPT TO' || code === 'EENVELOPE') return 'recipient';
  if (command === 'DATA' || command === 'DATA (final)' || code === 'EMESSAGE') return 'message';
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS' || command === 'CONN' || code === 'ETIMEDOUT') return 'connect';
  return command ? `"${command}"` : 'sending';
}

/** The text with every secret (and its base64 form, as AUTH PLAIN/LOGIN send it) replaced by "***". */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) for (const form of [s, Buffer.from(s).toString('base64')]) out = out.split(form).join('***');
  return out;
}
