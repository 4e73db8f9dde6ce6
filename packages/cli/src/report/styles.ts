import { CATEGORY_COLORS, REASON_COLORS, STATUS_COLORS } from '@panopticon/charts';

/** `.s-<status>`, `.r-<reason>` and `.c-<category>` classes setting `--c` to the shared palette's colour. */
function paletteClasses(): string {
  const rules: string[] = [];
  for (const [k, v] of Object.entries(STATUS_COLORS)) rules.push(`.s-${k}{--c:${v}}`);
  for (const [k, v] of Object.entries(REASON_COLORS)) rules.push(`.r-${k}{--c:${v}}`);
  for (const [k, v] of Object.entries(CATEGORY_COLORS)) rules.push(`.c-${k}{--c:${v}}`);
  return rules.join('\n');
}

/**
 * The page's one style sheet (allowed by its hash in the CSP). Calm: white panels on a light grey page,
 * one accent colour, colour reserved for what needs action; tabular numbers; readable on a 1366 × 768
 * laptop and printed on A4 landscape.
 */
export function pageCss(figureCss: string): string {
  return `
:root{
  --bg:#f4f5f7; --panel:#fff; --ink:#1c2230; --muted:#5d6675; --faint:#8a93a2; --line:#e3e6eb; --line-strong:#cfd4dc;
  --accent:#24538f; --accent-soft:#e8eef7; --radius:10px;
  --font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;scroll-padding-top:64px}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 var(--font);font-variant-numeric:tabular-nums}
a{color:var(--accent)}
h1,h2,h3{margin:0;font-weight:650;letter-spacing:-.01em}
h1{font-size:20px}
h2{font-size:17px}
h3{font-size:14px}
p{margin:0}
.wrap{max-width:1240px;margin:0 auto;padding:0 20px}
.top{background:var(--panel);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
.top .wrap{display:flex;align-items:center;gap:20px;min-height:50px}
.brand{display:flex;align-items:baseline;gap:10px;flex:1 1 auto;min-width:0;white-space:nowrap}
.brand .mark{font-weight:700;color:var(--accent);letter-spacing:.02em}
.brand .product{color:var(--muted)}
nav ul{display:flex;gap:4px;list-style:none;margin:0;padding:0;flex-wrap:wrap}
nav a{display:block;padding:6px 10px;border-radius:6px;color:var(--muted);text-decoration:none;font-size:13px}
nav a:hover,nav a:focus-visible{background:var(--accent-soft);color:var(--accent)}
.button{font:inherit;font-size:13px;border:1px solid var(--line-strong);background:var(--panel);color:var(--ink);border-radius:6px;padding:5px 10px;cursor:pointer}
.button:hover{border-color:var(--accent);color:var(--accent)}
.headline{padding:18px 0 0}
.headline h1{font-size:24px;font-weight:650}
.headline .kicker{font-size:14px;font-weight:550;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;margin-right:4px;vertical-align:2px}
.context{color:var(--muted);font-size:13px;padding:4px 0 0}
.context span+span::before{content:"·";margin:0 8px;color:var(--faint)}
main{padding-bottom:40px}
section{margin-top:22px;scroll-margin-top:70px}
.section-head{display:flex;align-items:baseline;gap:12px;margin-bottom:10px;flex-wrap:wrap}
.section-head p{color:var(--muted)}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:var(--radius);padding:16px}
.panel>h3{margin-bottom:8px}
.grid2{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}
.stack{display:grid;gap:16px}
.figure svg{display:block;width:100%;height:auto;max-width:100%}
.note{color:var(--muted);font-size:12.5px;margin-top:8px}

/* KPI tiles */
.tiles{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:12px;margin-top:14px}
.tile{background:var(--panel);border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px 12px;position:relative;overflow:hidden;min-width:0}
.tile::before{content:"";position:absolute;left:0;top:0;bottom:0;width:4px;background:var(--c,transparent)}
.tile .label{font-size:12.5px;color:var(--muted);font-weight:550;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tile .value{font-size:28px;font-weight:650;line-height:1.15;margin-top:4px;letter-spacing:-.02em}
.tile .value .unit{font-size:15px;font-weight:550;color:var(--muted);margin-left:2px;letter-spacing:0}
.tile .sub{font-size:12px;color:var(--muted);margin-top:2px}
.tile.alert .value{color:var(--c)}

/* Needs attention */
.attention-grid{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:18px;align-items:start}
.attention-grid .side{border-left:1px solid var(--line);padding-left:18px;position:sticky;top:64px}
.chips{margin-top:12px;display:flex;flex-wrap:wrap;gap:6px}
.chips .note{flex-basis:100%;margin:0 0 2px}
.chip{font:inherit;font-size:12.5px;border:1px solid var(--line-strong);background:#fff;border-radius:999px;padding:3px 10px;cursor:pointer;color:var(--ink)}
.chip .n{color:var(--muted);font-weight:600;margin-left:2px}
.chip:hover,.chip[aria-pressed=true]{border-color:var(--accent);color:var(--accent);background:var(--accent-soft)}
.chip:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end;margin-bottom:12px;padding-bottom:14px;border-bottom:1px solid var(--line)}
.field{display:flex;flex-direction:column;gap:3px;font-size:12px;color:var(--muted);font-weight:550}
.field select,.field input{font:inherit;font-size:13.5px;text-transform:none;letter-spacing:0;color:var(--ink);font-weight:400;border:1px solid var(--line-strong);border-radius:6px;padding:5px 8px;background:#fff;min-width:0}
.field select{max-width:180px}
.field input[type=search]{width:150px}
.field input[type=date]{width:136px}
.field select:focus,.field input:focus,.button:focus-visible,th button:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.countbar{display:flex;justify-content:space-between;align-items:center;gap:10px;margin:2px 0 8px;font-size:13px;color:var(--muted)}
.countbar strong{color:var(--ink)}
.table-scroll{max-height:min(64vh,720px);overflow:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:separate;border-spacing:0;width:100%;font-size:13.5px}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:baseline}
thead th{position:sticky;top:0;background:#f9fafb;z-index:1;font-size:12px;color:var(--muted);font-weight:600;white-space:nowrap;padding:0}
thead th.static{padding:8px 10px}
th button{all:unset;display:block;padding:8px 10px;cursor:pointer;width:100%;box-sizing:border-box}
th button:hover{color:var(--accent)}
th button::after{content:"";display:inline-block;width:1em;margin-left:2px;color:var(--faint)}
th[aria-sort=ascending] button::after{content:"▲";color:var(--accent);font-size:9px}
th[aria-sort=descending] button::after{content:"▼";color:var(--accent);font-size:9px}
tbody tr:hover td{background:#f7f9fc}
tbody tr:last-child td{border-bottom:0}
td.num,th.num{text-align:right}
th.num button{text-align:right}
td.days{font-weight:650;white-space:nowrap}
td.reason,td.who,td.when,td.lead{white-space:nowrap}
#att-table td,#att-table th button{padding-left:8px;padding-right:8px}
td .new{font-size:11px;font-weight:650;color:var(--accent);background:var(--accent-soft);border-radius:4px;padding:1px 5px;margin-right:6px;vertical-align:1px}
td .id{font-size:12px;color:var(--faint)}
td .sub{display:block;font-size:12px;color:var(--muted)}
td.when{white-space:nowrap}
.pill{display:inline-flex;align-items:center;gap:6px;white-space:nowrap;font-weight:550}
.pill.light{font-weight:400}
.pill::before{content:"";width:9px;height:9px;border-radius:50%;background:var(--c,#999);flex:none}
.muted{color:var(--muted)}
.unassigned{color:var(--muted);font-style:italic}
.empty-row td{color:var(--muted);text-align:center;padding:24px}
.more-row td{text-align:center;padding:14px;color:var(--muted)}
.more-row .button{margin-left:8px}
.legend-line{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:12.5px;color:var(--muted);margin-top:10px}
.linkish{all:unset;cursor:pointer;color:var(--accent);font-weight:550}
.linkish:hover{text-decoration:underline}
.linkish:focus-visible{outline:2px solid var(--accent);outline-offset:1px}

/* Calendar */
.seg{display:inline-flex;border:1px solid var(--line-strong);border-radius:7px;overflow:hidden}
.seg button{font:inherit;font-size:13px;border:0;background:#fff;color:var(--ink);padding:6px 12px;cursor:pointer;border-right:1px solid var(--line-strong)}
.seg button:last-child{border-right:0}
.seg button[aria-pressed=true]{background:var(--accent);color:#fff}
.seg button:focus-visible{outline:2px solid var(--accent);outline-offset:-2px}
.cal-controls{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;margin-bottom:10px}
.cal-controls .custom[hidden]{display:none}
.cal-controls .custom{display:flex;gap:8px}
#cal-summary{font-size:13px;color:var(--muted);margin:4px 0 8px}
#cal-summary strong{color:var(--ink)}
.calendar-grid{grid-template-columns:minmax(0,5fr) minmax(0,7fr)}
.cal-list{max-height:440px}
#cal-table td{white-space:nowrap}
#cal-table .pill{font-weight:500}
.cal-day{transition:opacity .15s}
.dim .cal-day.out{opacity:.25}
.dim .cal-day.in{stroke:#1c2230;stroke-width:1.5}

/* Scorecard and data quality */
.scorecard td{white-space:nowrap}
.scorecard thead th{white-space:normal;vertical-align:bottom;line-height:1.25}
.scorecard th button{padding:8px 8px}
.scorecard td{padding:6px 8px}
.bar-cell{min-width:64px}
details.quality>summary{cursor:pointer;list-style:none;display:flex;align-items:center;gap:10px}
details.quality>summary::-webkit-details-marker{display:none}
details.quality>summary::before{content:"▸";color:var(--muted);transition:transform .15s;display:inline-block}
details.quality[open]>summary::before{transform:rotate(90deg)}
.ok{color:#2e7d32;font-weight:600}
.sev-error{color:#b2182b;font-weight:600}
.sev-warning{color:#9a5b00;font-weight:600}
.issues td{font-size:12.5px}
.issues td.msg{min-width:320px}
.quality-body{margin-top:12px;display:grid;gap:12px}
.quality-scroll{max-height:420px}
footer{color:var(--faint);font-size:12px;padding:24px 0 40px}
footer p+p{margin-top:4px}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}

@media (max-width:1180px){
  .tiles{grid-template-columns:repeat(4,minmax(0,1fr))}
  .attention-grid{grid-template-columns:minmax(0,1fr)}
  .attention-grid .side{border-left:0;padding-left:0;position:static}
}
@media (max-width:860px){
  .grid2{grid-template-columns:minmax(0,1fr)}
  .tiles{grid-template-columns:repeat(2,minmax(0,1fr))}
  nav{display:none}
}
@media print{
  @page{size:A4 landscape;margin:10mm}
  body{background:#fff;font-size:10.5pt}
  .top{position:static;border:0}
  nav,.filters,.no-print,.cal-controls,th button::after{display:none!important}
  .wrap{max-width:none;padding:0}
  .tiles{grid-template-columns:repeat(7,minmax(0,1fr));gap:6px}
  .tile{padding:8px 10px}
  .tile .value{font-size:20pt}
  .panel{border-color:#ccc;padding:10px;break-inside:avoid}
  section{break-inside:auto;margin-top:14px}
  .attention-grid,.grid2{grid-template-columns:minmax(0,1fr)}
  .attention-grid .side{border-left:0;padding-left:0;position:static}
  .table-scroll,.quality-scroll,.cal-list{max-height:none;overflow:visible;border:0}
  thead th{position:static}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  th button{padding:4px 6px}
  th,td{padding:4px 6px}
  details.quality>summary::before{display:none}
  .figure{break-inside:avoid}
}
${paletteClasses()}
${figureCss}
`.trim();
}
