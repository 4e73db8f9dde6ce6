/**
 * The `digest` section of panopticon.config.json and the digest's own flags' values, as zod schemas
 * (declared as settings in settings/definitions.ts). Unknown keys are refused; every address is checked
 * before anything is sent. Secrets are never here: the SMTP user and password come from
 * PANOPTICON_SMTP_USER / PANOPTICON_SMTP_PASS, a webhook URL from `--webhook` or PANOPTICON_WEBHOOK_URL.
 *
 * @module
 */
import { WEEKDAY_NAMES } from '@panopticon/core';
import * as z from 'zod';

/** Where the digest remembers what it last sent to whom, unless `--state` says otherwise. */
export const DEFAULT_DIGEST_STATE = '.panopticon/digest-state.json';

/** An email address as the config file writes it. */
export const EmailAddressSchema = z.email({ error: 'expected an email address such as "ana@example.com"' });

const PortSchema = z
  .number({ error: 'expected a port number' })
  .int({ error: 'expected a port number' })
  .min(1, { error: 'expected a port number from 1 to 65535' })
  .max(65535, { error: 'expected a port number from 1 to 65535' });

/** How the connection to the SMTP server is protected. */
export const StartTlsSchema = z.enum(['required', 'if-offered', 'never'], {
  error: 'expected "required", "if-offered" or "never"',
});

/** `digest.smtp`: the mail server. */
export const SmtpConfigSchema = z.strictObject({
  host: z.string({ error: "expected the SMTP server's host name" }).min(1, { error: "expected the SMTP server's host name" }),
  /** Default: 465 with `secure`, else 587. */
  port: PortSchema.optional(),
  /** TLS from the first byte (port 465). Default: true on port 465, else false. */
  secure: z.boolean({ error: 'expected true or false' }).optional(),
  /**
   * Upgrade a plain connection with STARTTLS: `required` (refuse a server that does not offer it),
   * `if-offered`, or `never`. Default: `required` when a user and password are set, else `if-offered`.
   */
  starttls: StartTlsSchema.optional(),
  /** `false` accepts a self-signed server certificate. Only when set; the default checks it. */
  tlsRejectUnauthorized: z.boolean({ error: 'expected true or false' }).optional(),
});

/** Where a digest goes by webhook. */
export const WebhookFormatSchema = z.enum(['slack', 'teams'], { error: 'expected "slack" or "teams"' });

/** The weekly response report: who gets it. */
export const WeeklyConfigSchema = z.strictObject({
  managers: z.array(EmailAddressSchema, { error: 'expected a list of email addresses' }).min(1, { error: 'expected at least one address' }),
  /** The weekday on which `run-daily` also sends the weekly report (of `--as-of`'s day, in the zone). */
  day: z.enum(WEEKDAY_NAMES, { error: `expected a weekday: ${WEEKDAY_NAMES.join(', ')}` }).optional(),
});

/**
 * `digest`: who gets the daily digest, and how it is sent. Built on first use: every data command declares the
 * section (settings/definitions.ts), few read it.
 */
export const DigestConfigSchema = z.lazy(() =>
  z.strictObject({
    /** The sender address of the emails. */
    from: EmailAddressSchema.optional(),
    /** Addresses that get the whole digest. */
    coordinators: z.array(EmailAddressSchema, { error: 'expected a list of email addresses' }).optional(),
    /** A locator's name (as the data writes it) → the address that gets only their leads. */
    locators: z.record(z.string(), EmailAddressSchema, { error: 'expected an object { "locator name": "address" }' }).optional(),
    smtp: SmtpConfigSchema.optional(),
    /** The format of the webhook given by PANOPTICON_WEBHOOK_URL (`--webhook-format` overrides it). */
    webhookFormat: WebhookFormatSchema.optional(),
    /** The dashboard's address, linked where a long list is cut ("and 12 more"). */
    pageUrl: z.url({ error: 'expected the address of the dashboard page (http:// or https://)' }).optional(),
    /** How long to wait for a mail server or webhook to answer, in seconds. Default 30. */
    timeoutSeconds: z
      .number({ error: 'expected seconds as a number' })
      .positive({ error: 'must be more than 0 seconds' })
      .max(600, { error: 'must be at most 600 seconds' })
      .optional(),
    weekly: WeeklyConfigSchema.optional(),
  }),
);
export type DigestConfig = z.infer<typeof DigestConfigSchema>;
export type SmtpConfig = z.infer<typeof SmtpConfigSchema>;

/** `--format` of the digest: print it instead of sending it. */
export const DigestFormatSchema = z.enum(['text', 'html', 'json']);

/** `recordUrl`: a lead's page in the CRM, `{id}` standing for the lead's id. */
export const RecordUrlSchema = z
  .string({ error: 'expected a URL with {id} for the lead id, such as "https://crm.zoho.com/crm/org1/tab/Leads/{id}"' })
  .refine((s) => s.includes('{id}') && /^https?:\/\/[^/\s]+/i.test(s) && URL.canParse(s.replaceAll('{id}', 'x')), {
    error: 'expected an http(s) URL with {id} for the lead id, such as "https://crm.zoho.com/crm/org1/tab/Leads/{id}"',
  });

/** A webhook URL: http(s) only. It is a secret: messages name its host, never the rest. */
export const WebhookUrlSchema = z.string().refine((s) => /^https?:$/.test(safeUrl(s)?.protocol ?? ''));

function safeUrl(s: string): URL | undefined {
  return URL.canParse(s) ? new URL(s) : undefined;
}

/** What of a webhook URL may be shown: its host (the path carries the token). */
export function webhookHost(url: string): string {
  return safeUrl(url)?.host ?? '(not a URL)';
}
