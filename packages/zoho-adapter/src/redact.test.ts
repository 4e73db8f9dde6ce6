import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { REDACTED, Redactor } from './redact.js';

describe('Redactor', () => {
  test('masks registered secrets, also URL-encoded', () => {
    const r = new Redactor().add('s3cr3t/value+x', 'refresh-abcdef');
    expect(r.redact('a s3cr3t/value+x b refresh-abcdef c')).toBe(`a ${REDACTED} b ${REDACTED} c`);
    expect(r.redact(`q=${encodeURIComponent('s3cr3t/value+x')}`)).toBe(`q=${REDACTED}`);
  });
  test('masks credential-shaped text it was never told about', () => {
    const r = new Redactor();
    expect(r.redact('Authorization: Zoho-oauthtoken 1000.abc.def')).toBe(`Authorization: Zoho-oauthtoken ${REDACTED}`);
    expect(r.redact('refresh_token=xyz&client_secret=abc&grant_type=refresh_token')).toBe(
      `refresh_token=${REDACTED}&client_secret=${REDACTED}&grant_type=refresh_token`,
    );
    expect(r.redact('{"access_token":"1000.x.y"}')).toBe(`{"access_token":"${REDACTED}"}`);
    expect(r.redact('token 1000.0123456789abcdef0123.fedcba9876543210fedc here')).toBe(`token ${REDACTED} here`);
  });
  test('keeps ordinary text, including Zoho error codes', () => {
    const r = new Redactor().add('abc');
    expect(r.redact('{"code":"INVALID_TOKEN","message":"invalid oauth token"} abc')).toBe(
      '{"code":"INVALID_TOKEN","message":"invalid oauth token"} abc',
    );
  });
  test('never shows its secrets when inspected or serialized', () => {
    const r = new Redactor().add('very-secret-value');
    expect(inspect(r, { showHidden: true, depth: 5 })).not.toContain('very-secret-value');
    expect(JSON.stringify({ r })).not.toContain('very-secret-value');
    expect(r.leaks('x very-secret-value')).toBe(true);
  });
});
