/**
 * Posts a digest to a Slack or Teams incoming webhook. The URL is a secret (its path is the token): a
 * failure names the service and the host only, and what the service answered is cut short.
 *
 * @module
 */
import { DeliveryError } from './deliver-smtp.js';

export async function postWebhook(
  url: string,
  host: string,
  service: 'slack' | 'teams',
  payload: object,
  timeoutMs: number,
): Promise<void> {
  const name = `${service === 'slack' ? 'Slack' : 'Teams'} webhook at ${host}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError') throw new DeliveryError(`${name}: no answer within ${timeoutMs / 1000} s (digest.timeoutSeconds).`);
    throw new DeliveryError(`${name}: connect failed (${e.cause?.code ?? e.name ?? 'network error'}).`);
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const said = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new DeliveryError(`${name}: post failed (HTTP ${response.status}${said ? `: ${said.split(url).join('***')}` : ''}).`);
}
