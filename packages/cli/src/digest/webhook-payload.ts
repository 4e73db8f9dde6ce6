/**
 * The digest as a Slack or Microsoft Teams incoming-webhook message, within the service's limits: a long
 * section is cut to its first leads and "and N more" (with the page's link when `digest.pageUrl` is set)
 * until the message fits. CRM strings are escaped for each service's markup.
 *
 * @module
 */
import type { DigestItem, DigestLayout } from './sections.js';
import { showChange, showKpi } from './sections.js';

/** Slack: a section block's text is at most 3,000 characters, a message at most 50 blocks. */
export const SLACK_SECTION_CHARS = 3000;
/** Teams: an incoming webhook's payload is at most 28 KB; this leaves room for the envelope. */
export const TEAMS_PAYLOAD_BYTES = 25 * 1024;

/** Tries fewer leads per section until `fits` accepts the message. */
function fitted<T>(build: (maxItems: number) => T, fits: (message: T) => boolean): T {
  for (let max = 25; max > 0; max = Math.floor(max / 2)) {
    const message = build(max);
    if (fits(message)) return message;
  }
  return build(0);
}

function more(count: number, pageUrl: string | undefined, link: (url: string, text: string) => string): string {
  return `… and ${count} more${pageUrl ? ` (${link(pageUrl, 'the whole list')})` : ''}`;
}

/** Slack's mrkdwn: `&`, `<` and `>` escaped, so a CRM string cannot become a link or a mention. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackPayload(layout: DigestLayout, pageUrl?: string): object {
  const link = (url: string, text: string) => `<${url}|${slackEscape(text)}>`;
  const line = (i: DigestItem) =>
    `• ${i.link ? link(i.link, i.name) : `*${slackEscape(i.name)}*`} (${slackEscape(i.leadId)}), ${slackEscape(i.who)}: ${slackEscape(i.what)}` +
    (i.todo ? `\n   _${slackEscape(i.todo)}_` : '');
  const build = (max: number) => {
    const blocks: object[] = [
      { type: 'header', text: { type: 'plain_text', text: layout.subject.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: slackEscape(layout.intro.join('\n')) } },
    ];
    if (layout.kpis) {
      const kpis = layout.kpis.map((k) => `${slackEscape(k.label)}: *${showKpi(k.now, k.unit)}* ${showChange(k)}`.trimEnd()).join('\n');
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: kpis } });
    }
    for (const s of layout.sections) {
      const rest = s.items.length - Math.min(max, s.items.length);
      const text = [
        `*${s.title} (${s.items.length})*`,
        ...s.items.slice(0, max).map(line),
        ...(rest > 0 ? [more(rest, pageUrl, link)] : []),
      ];
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text.join('\n') } });
    }
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(layout.outro.join(' ')) }] });
    return { text: layout.subject, blocks };
  };
  return fitted(build, (m) => (m.blocks as { text?: { text: string } }[]).every((b) => (b.text?.text.length ?? 0) <= SLACK_SECTION_CHARS));
}

/** Teams' markdown: its markup characters escaped with a backslash. */
export function teamsEscape(text: string): string {
  return text.replace(/[\\`*_[\]()#>~!|<-]/g, (c) => `\\${c}`);
}

export function teamsPayload(layout: DigestLayout, pageUrl?: string): object {
  const link = (url: string, text: string) => `[${teamsEscape(text)}](${url})`;
  const block = (text: string, extra: object = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
  const build = (max: number) => {
    const body: object[] = [
      block(teamsEscape(layout.subject), { size: 'Medium', weight: 'Bolder' }),
      ...layout.intro.map((l) => block(teamsEscape(l))),
    ];
    if (layout.kpis)
      body.push({
        type: 'FactSet',
        facts: layout.kpis.map((k) => ({ title: k.label, value: `${showKpi(k.now, k.unit)} ${showChange(k)}`.trim() })),
      });
    for (const s of layout.sections) {
      body.push(block(`${s.title} (${s.items.length})`, { weight: 'Bolder', spacing: 'Medium' }));
      for (const i of s.items.slice(0, max)) {
        const name = i.link ? link(i.link, i.name) : `**${teamsEscape(i.name)}**`;
        body.push(
          block(
            `${name} (${teamsEscape(i.leadId)}), ${teamsEscape(i.who)}: ${teamsEscape(i.what)}${i.todo ? `  \n${teamsEscape(i.todo)}` : ''}`,
          ),
        );
      }
      if (s.items.length > max) body.push(block(more(s.items.length - max, pageUrl, link)));
    }
    body.push(block(teamsEscape(layout.outro.join(' ')), { isSubtle: true }));
    return {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
        },
      ],
    };
  };
  return fitted(build, (m) => Buffer.byteLength(JSON.stringify(m)) <= TEAMS_PAYLOAD_BYTES);
}
