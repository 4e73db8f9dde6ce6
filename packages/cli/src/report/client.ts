/**
 * The dashboard's only script, inlined in the page and allowed by its sha256 hash in the CSP. Plain ES2020
 * for any current browser; it reads the page's JSON block and never writes markup from data: rows are
 * moved (the server drew them, escaped) or built with `textContent`. Dates are the report's own
 * "YYYY-MM-DD" strings in the report's time zone, so the browser's clock and zone play no part.
 *
 * - Needs attention: filters (reason, locator, stage, appointment date range, name or id), applied on every
 *   change; sorting by any column (click a header; again to reverse); a count of the rows shown.
 * - Appointments: today / this week / this month / a custom range lists the appointments in it and
 *   highlights its days on the calendar.
 * - Locator scorecard: sortable; a locator's name filters the needs-attention list to their leads.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
'use strict';
var doc = document;
var byId = function (id) { return doc.getElementById(id); };
var data = JSON.parse(byId('report-data').textContent);
var UNASSIGNED = '\u0000unassigned';
var MS_DAY = 86400000;
var fmt = new Intl.NumberFormat('en-US');
var collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
var el = function (tag, className, text) {
  var node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
};
var plural = function (n, one, many) { return fmt.format(n) + ' ' + (n === 1 ? one : (many || one + 's')); };

/* ---------- Needs attention ---------- */
/* Rows are arrays: [id, name, locator, team, stage, category, status, reason, days, appointment, new today]. */
var ID = 0, NAME = 1, LOCATOR = 2, TEAM = 3, STAGE = 4, CATEGORY = 5, STATUS = 6, REASON = 7, DAYS = 8, APPT = 9, NEW = 10;
var rows = data.attention;
var table = byId('att-table');
if (table && rows.length > 0) {
  var tbody = table.tBodies[0];
  var trs = new Array(rows.length);
  var label = function (labels, key) { return labels[key] || key; };
  var buildRow = function (r) {
    var tr = el('tr');
    var reason = el('td', 'reason');
    reason.title = 'Follow-up status: ' + label(data.statusLabels, r[STATUS]).toLowerCase();
    reason.appendChild(el('span', 'pill r-' + r[REASON], label(data.reasonLabels, r[REASON])));
    tr.appendChild(reason);
    var days = el('td', 'num days');
    if (r[NEW]) {
      var tag = el('span', 'new', 'new');
      tag.title = 'Reached its threshold today';
      days.appendChild(tag);
    }
    days.appendChild(doc.createTextNode(String(r[DAYS])));
    tr.appendChild(days);
    var who = el('td', 'who', r[LOCATOR]);
    if (r[LOCATOR] === null) who.appendChild(el('span', 'unassigned', data.unassigned));
    if (r[TEAM]) who.title = 'Team: ' + r[TEAM];
    tr.appendChild(who);
    var lead = el('td', 'lead', r[NAME] + ' ');
    lead.appendChild(el('span', 'id', '#' + r[ID]));
    tr.appendChild(lead);
    var stage = el('td');
    stage.appendChild(el('span', 'pill light c-' + r[CATEGORY], r[STAGE]));
    tr.appendChild(stage);
    var when = el('td', 'when', r[APPT]);
    if (r[APPT] === null) when.appendChild(el('span', 'muted', 'none'));
    tr.appendChild(when);
    return tr;
  };
  var emptyRow = el('tr', 'empty-row');
  var emptyCell = el('td', null, 'No lead matches these filters.');
  emptyCell.colSpan = 6;
  emptyRow.appendChild(emptyCell);
  var controls = {
    reason: byId('f-reason'), locator: byId('f-locator'), stage: byId('f-stage'),
    from: byId('f-from'), to: byId('f-to'), q: byId('f-q')
  };
  var rank = {};
  data.reasonOrder.forEach(function (r, i) { rank[r] = i; });
  var keys = {
    reason: function (r) { return rank[r[REASON]]; },
    days: function (r) { return r[DAYS]; },
    locator: function (r) { return r[LOCATOR]; },
    name: function (r) { return r[NAME]; },
    stage: function (r) { return r[STAGE]; },
    appt: function (r) { return r[APPT]; }
  };
  var numeric = { reason: true, days: true };
  var sort = { key: null, dir: 1 };
  var compare = function (a, b) {
    var f = keys[sort.key];
    var va = f(rows[a]);
    var vb = f(rows[b]);
    if (va === vb) return a - b;
    if (va === null) return 1;
    if (vb === null) return -1;
    var c = numeric[sort.key] ? va - vb : sort.key === 'appt' ? (va < vb ? -1 : 1) : collator.compare(va, vb);
    return c === 0 ? a - b : c * sort.dir;
  };
  var countEl = byId('att-count');
  var chips = doc.querySelectorAll('.chip[data-locator]');
  /* Long lists are drawn 500 rows at a time (a row at the end offers more), so the page opens fast. */
  var PAGE = 500;
  var limit = PAGE;
  var list = [];
  var moreRow = el('tr', 'more-row');
  var moreCell = el('td');
  moreCell.colSpan = 6;
  var moreText = el('span');
  var moreButton = el('button', 'button', 'Show ' + PAGE + ' more');
  var allButton = el('button', 'button', 'Show all');
  moreButton.type = allButton.type = 'button';
  moreButton.addEventListener('click', function () { limit += PAGE; draw(); });
  allButton.addEventListener('click', function () { limit = Infinity; draw(); });
  moreCell.append(moreText, moreButton, allButton);
  moreRow.appendChild(moreCell);
  var draw = function () {
    var end = Math.min(list.length, limit);
    var frag = doc.createDocumentFragment();
    for (var j = 0; j < end; j++) {
      var k = list[j];
      frag.appendChild(trs[k] || (trs[k] = buildRow(rows[k])));
    }
    if (list.length === 0) frag.appendChild(emptyRow);
    else if (end < list.length) {
      moreText.textContent = plural(list.length - end, 'more lead') + ' not drawn yet. ';
      frag.appendChild(moreRow);
    }
    tbody.replaceChildren(frag);
    if (end === list.length) countEl.replaceChildren('Showing ', el('strong', null, fmt.format(end)), ' of ' + plural(rows.length, 'lead'));
    else countEl.replaceChildren('Showing the first ', el('strong', null, fmt.format(end)), ' of ' + (list.length === rows.length ? plural(rows.length, 'lead') : plural(list.length, 'matching lead') + ' (' + fmt.format(rows.length) + ' in all)'));
  };
  window.addEventListener('beforeprint', function () { if (limit < list.length) { limit = Infinity; draw(); } });
  var apply = function () {
    var reason = controls.reason.value;
    var locator = controls.locator.value;
    var stage = controls.stage.value;
    var from = controls.from.value;
    var to = controls.to.value;
    var q = controls.q.value.trim().toLowerCase();
    list = [];
    limit = PAGE;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (reason && (reason === 'new' ? !r[NEW] : r[REASON] !== reason)) continue;
      if (locator && (locator === UNASSIGNED ? r[LOCATOR] !== null : r[LOCATOR] !== locator)) continue;
      if (stage && r[STAGE] !== stage) continue;
      if (from || to) {
        if (r[APPT] === null) continue;
        var day = r[APPT].slice(0, 10);
        if (from && day < from) continue;
        if (to && day > to) continue;
      }
      if (q && r[NAME].toLowerCase().indexOf(q) < 0 && r[ID].toLowerCase().indexOf(q) < 0) continue;
      list.push(i);
    }
    if (sort.key) list.sort(compare);
    draw();
    chips.forEach(function (c) { c.setAttribute('aria-pressed', String(c.getAttribute('data-locator') === locator)); });
  };
  ['reason', 'locator', 'stage', 'from', 'to'].forEach(function (k) { controls[k].addEventListener('change', apply); });
  ['from', 'to', 'q'].forEach(function (k) { controls[k].addEventListener('input', apply); });
  byId('f-reset').addEventListener('click', function () {
    Object.keys(controls).forEach(function (k) { controls[k].value = ''; });
    apply();
  });
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th) {
    var button = th.querySelector('button[data-sort]');
    if (!button) return;
    button.addEventListener('click', function () {
      var key = button.getAttribute('data-sort');
      if (sort.key === key) sort.dir = -sort.dir;
      else { sort.key = key; sort.dir = key === 'days' ? -1 : 1; }
      Array.prototype.forEach.call(heads, function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', sort.dir === 1 ? 'ascending' : 'descending');
      apply();
    });
  });
  doc.querySelectorAll('button[data-locator]').forEach(function (button) {
    button.addEventListener('click', function () {
      var value = button.getAttribute('data-locator');
      var same = controls.locator.value === value && button.classList.contains('chip');
      Object.keys(controls).forEach(function (k) { controls[k].value = ''; });
      controls.locator.value = same ? '' : value;
      apply();
      if (!button.classList.contains('chip')) byId('attention').scrollIntoView({ block: 'start' });
    });
  });
  apply();
}

/* ---------- Appointments ---------- */
var dayNumber = function (iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_DAY; };
var isoDate = function (n) { return new Date(n * MS_DAY).toISOString().slice(0, 10); };
var calTable = byId('cal-table');
if (calTable) {
  var today = dayNumber(data.today);
  var calBody = calTable.tBodies[0];
  var calFrom = byId('cal-from');
  var calTo = byId('cal-to');
  var custom = doc.querySelector('.cal-controls .custom');
  var figure = byId('cal-figure');
  var cells = figure ? figure.querySelectorAll('.cal-day') : [];
  var buttons = doc.querySelectorAll('button[data-range]');
  var LIMIT = 400;
  var range = function (kind) {
    var d = new Date(today * MS_DAY);
    if (kind === 'today') return [today, today];
    if (kind === 'week') { var wd = (d.getUTCDay() + 6) % 7; return [today - wd, today - wd + 6]; }
    if (kind === 'month') return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_DAY, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / MS_DAY];
    var a = calFrom.value ? dayNumber(calFrom.value) : -Infinity;
    var b = calTo.value ? dayNumber(calTo.value) : Infinity;
    return a <= b ? [a, b] : [b, a];
  };
  var phrase = { today: 'today', week: 'this week', month: 'this month' };
  var show = function (kind) {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-range') === kind)); });
    custom.hidden = kind !== 'custom';
    var r = range(kind);
    var from = r[0] === -Infinity ? '0000-01-01' : isoDate(r[0]);
    var to = r[1] === Infinity ? '9999-12-31' : isoDate(r[1]);
    /* Appointments are arrays: [id, name, locator, stage, status, day, time], sorted by day and time. */
    var list = data.appointments.filter(function (a) { return a[5] >= from && a[5] <= to; });
    var byStatus = {};
    list.forEach(function (a) { byStatus[a[4]] = (byStatus[a[4]] || 0) + 1; });
    var when = kind === 'custom'
      ? (r[0] === -Infinity && r[1] === Infinity ? 'in all' : 'from ' + (r[0] === -Infinity ? 'the start' : from) + ' to ' + (r[1] === Infinity ? 'the end' : to))
      : phrase[kind] + (kind === 'today' ? ' (' + from + ')' : ' (' + from + ' to ' + to + ')');
    var parts = Object.keys(byStatus).sort(function (a, b) { return byStatus[b] - byStatus[a]; })
      .map(function (s) { return fmt.format(byStatus[s]) + ' ' + (data.statusLabels[s] || s).toLowerCase(); });
    byId('cal-summary').replaceChildren(el('strong', null, plural(list.length, 'appointment')), ' ' + when + (parts.length ? ': ' + parts.join(', ') : ''));
    var frag = doc.createDocumentFragment();
    list.slice(0, LIMIT).forEach(function (a) {
      var tr = el('tr');
      tr.appendChild(el('td', 'when', a[5] + ' ' + a[6]));
      var lead = el('td', 'lead', a[1]);
      lead.title = 'Lead #' + a[0];
      tr.appendChild(lead);
      var who = el('td', 'who', a[2]);
      if (a[2] === null) who.appendChild(el('span', 'unassigned', data.unassigned));
      tr.appendChild(who);
      tr.appendChild(el('td', null, a[3]));
      var status = el('td');
      status.appendChild(el('span', 'pill s-' + a[4], data.statusLabels[a[4]] || a[4]));
      tr.appendChild(status);
      frag.appendChild(tr);
    });
    if (list.length === 0 || list.length > LIMIT) {
      var tr = el('tr', 'empty-row');
      var td = el('td', null, list.length === 0 ? 'No appointments in this range.' : 'and ' + plural(list.length - LIMIT, 'more appointment') + ' (narrow the range to list them)');
      td.colSpan = 5;
      tr.appendChild(td);
      frag.appendChild(tr);
    }
    calBody.replaceChildren(frag);
    if (figure) {
      figure.classList.add('dim');
      Array.prototype.forEach.call(cells, function (c) {
        var day = c.getAttribute('data-day');
        var inside = day >= from && day <= to;
        c.classList.toggle('in', inside);
        c.classList.toggle('out', !inside);
      });
    }
  };
  var current = 'week';
  buttons.forEach(function (b) {
    b.addEventListener('click', function () { current = b.getAttribute('data-range'); show(current); });
  });
  [calFrom, calTo].forEach(function (input) {
    input.addEventListener('change', function () { show('custom'); });
    input.addEventListener('input', function () { show('custom'); });
  });
  show(current);
}

/* ---------- Sortable static tables (the scorecard) ---------- */
doc.querySelectorAll('table.sortable').forEach(function (t) {
  var heads = t.tHead.rows[0].cells;
  var body = t.tBodies[0];
  var state = { col: -1, dir: 1 };
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      state.dir = state.col === col ? -state.dir : (th.classList.contains('num') ? -1 : 1);
      state.col = col;
      Array.prototype.forEach.call(heads, function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending');
      var list = Array.prototype.slice.call(body.rows).map(function (tr, i) {
        var cell = tr.cells[col];
        var v = cell ? cell.getAttribute('data-v') : null;
        return { tr: tr, i: i, v: v === null || v === '' ? null : v };
      });
      var num = th.classList.contains('num');
      list.sort(function (a, b) {
        if (a.v === b.v) return a.i - b.i;
        if (a.v === null) return 1;
        if (b.v === null) return -1;
        var c = num ? Number(a.v) - Number(b.v) : collator.compare(a.v, b.v);
        return c === 0 ? a.i - b.i : c * state.dir;
      });
      var frag = doc.createDocumentFragment();
      list.forEach(function (x) { frag.appendChild(x.tr); });
      body.replaceChildren(frag);
    });
  });
});

var printButton = byId('print');
if (printButton) printButton.addEventListener('click', function () { window.print(); });
/* For measurements: the tables are drawn (scripts/measure-dashboard.mjs reads this mark). */
if (window.performance && performance.mark) performance.mark('panopticon:ready');
})();
`;
