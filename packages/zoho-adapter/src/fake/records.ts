/**
 * Get Records of the fake org's modules (Leads, Events, the history-tracking module, empty standard
 * modules): the `fields` rule, sorting, the `converted` filter, If-Modified-Since (304), and paging by
 * `page` (up to 2,000 records) or by page token (up to 100,000).
 */
import { formatZohoDateTime, parseZohoDateTime } from '../datetime.js';
import { compareIds } from '../values.js';
import type { FakeEvent, FakeLead } from './data/model.js';
import type { FakeZohoData } from './data/org.js';
import { historyModuleSource } from './history.js';
import { type ApiAnswer, HttpError, type ModuleSource } from './http.js';
import type { PageTokens } from './page-tokens.js';
import type { Rng } from './random.js';

/** What Get Records reads: the org, the history module's name now, page tokens, and the seeded source of tokens. */
export interface RecordsContext {
  data: FakeZohoData;
  offsetMinutes: number;
  historyModule: () => string | false;
  pageTokens: PageTokens;
  rng: Rng;
  /** The org's own API names of Leads fields (standard name → the org's), e.g. `Appointment_Date` → `Site_Visit_Date`. */
  fieldNames?: Readonly<Record<string, string>>;
}

const EMPTY_MODULES = new Set(['Contacts', 'Accounts', 'Deals', 'Tasks', 'Calls', 'Products']);
const STANDARD_MODULES = ['Leads', 'Contacts', 'Accounts', 'Deals', 'Events', 'Tasks', 'Calls'];
const SORTABLE = new Set(['id', 'Created_Time', 'Modified_Time']);

/** A record with some fields under the org's own names. */
function renamed(record: Record<string, unknown>, names: Readonly<Record<string, string>> | undefined): Record<string, unknown> {
  if (!names) return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[names[key] ?? key] = value;
  return out;
}

/** The source of a module whose records carry their id and times as `id`, `createdAt` and `modifiedAt` (leads, events). */
function stampedSource<T extends FakeLead | FakeEvent>(items: readonly T[], render: (item: T) => Record<string, unknown>): ModuleSource {
  return {
    items,
    id: (i) => (i as T).id,
    created: (i) => (i as T).createdAt,
    modified: (i) => (i as T).modifiedAt,
    render: (i) => render(i as T),
  };
}

/** Get Records, Get Record and the module list of one fake org. */
export class RecordsApi {
  // Sorted orders, cached until the data changes (sorting 15k rows per page would dominate a timing run).
  readonly #sortCache = new Map<string, { version: number; length: number; items: unknown[] }>();

  constructor(readonly ctx: RecordsContext) {}

  /** The module's records, or null for a module the org does not have. */
  source(module: string): ModuleSource | null {
    const { data, offsetMinutes } = this.ctx;
    if (module === 'Leads') {
      const leads = stampedSource(data.leads, (l) => renamed(data.leadRecord(l, offsetMinutes), this.ctx.fieldNames));
      return { ...leads, converted: (l) => (l as FakeLead).converted };
    }
    if (module === 'Events') return stampedSource(data.events, (e) => data.eventRecord(e, offsetMinutes));
    const history = this.ctx.historyModule();
    if (history && module === history) return historyModuleSource(data, offsetMinutes);
    if (EMPTY_MODULES.has(module)) return { items: [], id: () => '', created: () => 0, modified: () => 0, render: () => ({}) };
    return null;
  }

  /** `GET /settings/modules`: the standard modules, and the history module when the org has one. */
  modules(): ApiAnswer {
    const history = this.ctx.historyModule();
    const modules = [...STANDARD_MODULES, ...(history ? [history] : [])];
    return {
      status: 200,
      body: {
        modules: modules.map((m, i) => ({
          api_name: m,
          module_name: m,
          id: String(5725767000000002175n + BigInt(i)),
          api_supported: true,
          generated_type: m.endsWith('_History') ? 'linking' : 'default',
        })),
      },
    };
  }

  /**
   * `GET /{module}/deleted` (Zoho's deleted-records API): the leads deleted after If-Modified-Since, newest
   * first, paged by `page`/`per_page`; 204 when there are none.
   */
  deleted(module: string, query: URLSearchParams, ifModifiedSince: string | undefined): ApiAnswer {
    if (module !== 'Leads') return { status: 204 };
    const since =
      ifModifiedSince === undefined ? null : (parseZohoDateTime(ifModifiedSince, 'UTC')?.getTime() ?? Date.parse(ifModifiedSince));
    if (since !== null && Number.isNaN(since))
      throw new HttpError(400, 'INVALID_DATA', 'invalid data', { header_name: 'If-Modified-Since' });
    const perPage = query.has('per_page') ? Number(query.get('per_page')) : 200;
    const page = query.has('page') ? Number(query.get('page')) : 1;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200)
      throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'per_page' });
    if (!Number.isInteger(page) || page < 1) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'page' });
    const all = this.ctx.data.deleted.filter((d) => since === null || d.at > since).sort((a, b) => b.at - a.at);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    if (slice.length === 0) return { status: 204 };
    const offset = this.ctx.offsetMinutes;
    return {
      status: 200,
      body: {
        data: slice.map((d) => ({
          id: d.id,
          display_name: d.displayName,
          type: 'recycle',
          deleted_by: { name: d.by.name, id: d.by.id },
          created_by: { name: d.by.name, id: d.by.id },
          deleted_time: formatZohoDateTime(d.at, offset),
        })),
        info: { per_page: perPage, count: slice.length, page, more_records: page * perPage < all.length },
      },
    };
  }

  /** `GET /settings/fields?module=Leads`: the Leads fields (under the org's own names), with a label and a data type. */
  fields(module: string): ApiAnswer {
    if (module !== 'Leads')
      throw new HttpError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { param_name: 'module' });
    const sample = this.ctx.data.leads[0];
    const names = sample
      ? Object.keys(renamed(this.ctx.data.leadRecord(sample, this.ctx.offsetMinutes), this.ctx.fieldNames)).filter((k) => k !== 'id')
      : [];
    const type = (name: string) =>
      ['Owner', 'Created_By', 'Modified_By'].includes(name)
        ? 'ownerlookup'
        : /(_Time|_Date|Date_Time)$/.test(name) || name.endsWith('Date')
          ? 'datetime'
          : ['Lead_Status', 'Lead_Source', 'Team'].includes(name)
            ? 'picklist'
            : name === 'Converted__s'
              ? 'boolean'
              : 'text';
    const fields = names.map((api_name, i) => ({
      api_name,
      field_label: api_name.replace(/__s$/, '').replace(/_/g, ' '),
      data_type: type(api_name),
      id: String(5725767000000100000n + BigInt(i)),
      history_tracking:
        api_name === 'Lead_Status' && this.ctx.historyModule() !== false ? { module: { api_name: this.ctx.historyModule() } } : null,
    }));
    return { status: 200, body: { fields } };
  }

  /** `GET /{module}/{id}`: one record, or 204. */
  get(source: ModuleSource, id: string): ApiAnswer {
    const item = source.items.find((i) => source.id(i) === id);
    if (!item) return { status: 204 };
    return { status: 200, body: { data: [source.render(item)] } };
  }

  /** `GET /{module}`: one page of records, as `user` asked for it. */
  list(
    module: string,
    source: ModuleSource,
    query: URLSearchParams,
    version: string,
    user: string,
    ifModifiedSince: string | undefined,
  ): ApiAnswer {
    const { pageTokens, rng, offsetMinutes } = this.ctx;
    const fieldsParam = query.get('fields');
    const versionNumber = Number(version.slice(1));
    if ((fieldsParam === null || fieldsParam.trim() === '') && versionNumber >= 3) {
      throw new HttpError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param_name: 'fields' });
    }
    const fields = (fieldsParam ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    if (fields.length > 50) throw new HttpError(400, 'LIMIT_EXCEEDED', 'Fields limit exceeded', { limit: 50, param_name: 'fields' });
    const perPage = query.has('per_page') ? Number(query.get('per_page')) : 200;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200)
      throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'per_page' });
    if (query.has('page') && query.has('page_token'))
      throw new HttpError(400, 'AMBIGUITY_DURING_PROCESSING', 'page and page_token cannot be given together', {
        ambiguity_due_to: ['page', 'page_token'],
      });
    if (query.has('cvid') && query.has('sort_by'))
      throw new HttpError(400, 'AMBIGUITY_DURING_PROCESSING', 'cvid and sort_by cannot be given together', {
        ambiguity_due_to: ['cvid', 'sort_by'],
      });
    const sortBy = query.get('sort_by') ?? 'id';
    if (!SORTABLE.has(sortBy)) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'sort_by' });
    const sortOrder = query.get('sort_order') ?? 'desc';
    if (sortOrder !== 'asc' && sortOrder !== 'desc') throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'sort_order' });
    const converted = query.get('converted') ?? 'false';
    if (!['true', 'false', 'both'].includes(converted))
      throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'converted' });
    let since: number | null = null;
    if (ifModifiedSince !== undefined) {
      const parsed =
        parseZohoDateTime(ifModifiedSince, 'UTC') ??
        (Number.isNaN(Date.parse(ifModifiedSince)) ? null : new Date(Date.parse(ifModifiedSince)));
      if (!parsed) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { header_name: 'If-Modified-Since' });
      since = parsed.getTime();
    }

    let offset: number;
    let pageNumber = 1;
    const binding = JSON.stringify([
      module,
      ...[...query.entries()].filter(([k]) => k !== 'page' && k !== 'page_token').sort(),
      ifModifiedSince ?? null,
    ]);
    if (query.has('page_token')) {
      const record = pageTokens.get(query.get('page_token')!);
      if (!record || record.user !== user)
        throw new HttpError(400, 'INVALID_DATA', 'The token given seems to be invalid', { param_name: 'page_token' });
      if (pageTokens.expired(record)) throw new HttpError(400, 'EXPIRED_VALUE', 'The page token has expired', { param_name: 'page_token' });
      if (record.binding !== binding)
        throw new HttpError(400, 'TOKEN_BOUND_DATA_MISMATCH', 'The parameters do not match those the token was issued for', {
          param_name: 'page_token',
        });
      offset = record.offset;
      if (offset + perPage > 100_000)
        throw new HttpError(400, 'PAGINATION_LIMIT_EXCEEDED', 'You cannot fetch more than 100000 records', { limit: 100000 });
    } else {
      pageNumber = query.has('page') ? Number(query.get('page')) : 1;
      if (!Number.isInteger(pageNumber) || pageNumber < 1) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'page' });
      if (pageNumber * perPage > 2000) {
        throw new HttpError(
          400,
          'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
          'You cannot fetch more than 2000 records using page. Use page_token instead.',
          { limit: 2000 },
        );
      }
      offset = (pageNumber - 1) * perPage;
    }

    let items = this.#sorted(module, source, sortBy, sortOrder);
    if (source.converted && converted !== 'both') items = items.filter((i) => source.converted!(i) === (converted === 'true'));
    if (since !== null) items = items.filter((i) => source.modified(i) > since!);
    if (items.length === 0) return since !== null ? { status: 304 } : { status: 204 };
    const slice = items.slice(offset, offset + perPage);
    if (slice.length === 0) return { status: 204 };
    const more = offset + perPage < items.length;
    const nextToken = more ? pageTokens.issue(binding, offset + perPage, user) : null;
    const wanted = new Set(fields);
    const records = slice.map((item) => {
      const full = source.render(item);
      const out: Record<string, unknown> = { id: full.id };
      for (const f of wanted.size ? wanted : Object.keys(full)) if (f in full) out[f] = full[f];
      return out;
    });
    return {
      status: 200,
      body: {
        data: records,
        info: {
          per_page: perPage,
          count: records.length,
          page: pageNumber,
          sort_by: sortBy,
          sort_order: sortOrder,
          more_records: more,
          next_page_token: nextToken,
          previous_page_token: offset > 0 && query.has('page_token') ? rng.hex(24) : null,
          page_token_expiry: nextToken ? formatZohoDateTime(pageTokens.expiryOfNew(), offsetMinutes) : null,
          call: false,
          email: false,
        },
      },
    };
  }

  #sorted(module: string, source: ModuleSource, sortBy: string, sortOrder: string): unknown[] {
    const data = this.ctx.data;
    const cacheKey = `${module}|${sortBy}|${sortOrder}`;
    const cached = this.#sortCache.get(cacheKey);
    if (cached && cached.version === data.version && cached.length === source.items.length) return cached.items;
    const key = sortBy === 'Created_Time' ? source.created : sortBy === 'Modified_Time' ? source.modified : null;
    const dir = sortOrder === 'asc' ? 1 : -1;
    const items = [...source.items].sort((a, b) => dir * ((key ? key(a) - key(b) : 0) || compareIds(source.id(a), source.id(b))));
    this.#sortCache.set(cacheKey, { version: data.version, length: source.items.length, items });
    return items;
  }
}
