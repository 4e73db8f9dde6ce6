import { describe, expect, test } from 'vitest';
import { CoqlError, coqlCredits, parseCoql, runCoql } from './coql.js';

const records = [
  { id: '3', Last_Name: 'Boyle', Lead_Status: 'Contacted', Created_Time: '2024-01-02T10:00:00+05:30', Owner: { name: 'A', id: '9' } },
  { id: '1', Last_Name: 'Smith', Lead_Status: 'New', Created_Time: '2024-01-01T23:00:00-07:00', Owner: { name: 'B', id: '8' } },
  { id: '2', Last_Name: 'Jones', Lead_Status: null, Created_Time: '2024-01-03T00:00:00+00:00', Owner: { name: 'A', id: '9' } },
];

describe('fake COQL', () => {
  test('where with and/or/parentheses, datetimes compared as instants, default order by id', () => {
    const q = parseCoql("select Last_Name from Leads where (Created_Time > '2024-01-02T00:00:00+00:00' or Lead_Status = 'Contacted') and Owner = '9'");
    expect(runCoql(q, records).data).toEqual([
      { id: '2', Last_Name: 'Jones' },
      { id: '3', Last_Name: 'Boyle' },
    ]);
  });
  test('is null, in, like, between, order by, limit offset forms', () => {
    const run = (s: string) => runCoql(parseCoql(s), records).data.map((r) => r.id);
    expect(run('select Last_Name from Leads where Lead_Status is null')).toEqual(['2']);
    expect(run("select Last_Name from Leads where Lead_Status in ('New', 'Contacted') order by Last_Name desc")).toEqual(['1', '3']);
    expect(run("select Last_Name from Leads where Last_Name like '%o%'")).toEqual(['2', '3']);
    expect(run("select Last_Name from Leads where Created_Time between '2024-01-01T00:00:00+00:00' and '2024-01-02T12:00:00+00:00'")).toEqual(['1', '3']);
    expect(run('select Last_Name from Leads where id is not null limit 1, 1')).toEqual(['2']);
    expect(run('select Last_Name from Leads where id is not null limit 1 offset 2')).toEqual(['3']);
  });
  test('errors: no where, bad limits, unknown column, aggregates', () => {
    const code = (s: string) => {
      try {
        runCoql(parseCoql(s, 10_000), records);
        return 'ok';
      } catch (e) {
        return (e as CoqlError).code;
      }
    };
    expect(code('select Last_Name from Leads')).toBe('SYNTAX_ERROR');
    expect(code('select Last_Name from Leads where id is not null limit 2001')).toBe('LIMIT_EXCEEDED');
    expect(code('select Last_Name from Leads where id is not null limit 9000, 2000')).toBe('LIMIT_EXCEEDED');
    expect(code('select Nope from Leads where id is not null')).toBe('INVALID_QUERY');
    expect(code('select COUNT(id) from Leads where id is not null')).toBe('INVALID_QUERY');
  });
  test('credits by LIMIT', () => {
    expect([1, 200, 201, 1000, 1001, 2000].map(coqlCredits)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
