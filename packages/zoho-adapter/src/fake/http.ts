/** HTTP plumbing shared by the fake's two servers: Zoho's error bodies, JSON answers, request bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Zoho API error answer: thrown by a handler, written by the API server as `{code, details, message, status}`. */
export class HttpError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly details: Record<string, unknown> = {},
  ) {}
}

/** Zoho's error body. */
export function zohoError(code: string, message: string, details: Record<string, unknown> = {}) {
  return { code, details, message, status: 'error' };
}

/** Writes a JSON answer (nothing after the headers once the client is gone). */
export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  if (status === 204 || status === 304) {
    // Zoho sends a JSON content type even with no body.
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The request body as text; rejects past 1 MiB. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1 << 20) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** An answer of the API: status and JSON body (none for 204 and 304). */
export interface ApiAnswer {
  status: number;
  body?: unknown;
}

/** A module's records as Get Records sees them. */
export interface ModuleSource {
  items: readonly unknown[];
  id(item: unknown): string;
  created(item: unknown): number;
  modified(item: unknown): number;
  converted?(item: unknown): boolean;
  render(item: unknown): Record<string, unknown>;
}
