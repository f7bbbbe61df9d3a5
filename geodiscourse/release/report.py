"""``geodiscourse report``: one self-contained HTML file to browse a release before querying it.

The file needs no network and no server: charts are inline SVG (``charts.py``), each
with the table of numbers it is drawn from, and the row browser is a few lines of plain
JavaScript over the rows embedded as JSON. It opens from a USB stick or an e-mail.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import polars as pl

from geodiscourse.release.charts import CHARTS, render_charts
from geodiscourse.release.report_data import ReportData, report_data

REPORT_FILENAME = "report.html"

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem} .muted{color:#666} section{margin:2rem 0}
.chart{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap} .chart svg{max-width:760px;height:auto}
table{border-collapse:collapse;font-size:.85rem} td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
th{background:#f4f4f4} .numbers{max-height:420px;overflow:auto}
#filters{display:flex;gap:.6rem;flex-wrap:wrap;margin-bottom:.6rem} mark{background:#ffe066}
#rows td.sentence{max-width:640px}
"""

_SCRIPT = """
const rows = JSON.parse(document.getElementById('row-data').textContent);
const $ = (id) => document.getElementById(id);
function fill(select, values) {
  for (const v of [...new Set(values)].sort()) {
    const o = document.createElement('option'); o.value = v; o.textContent = v; select.appendChild(o);
  }
}
fill($('f-kind'), rows.map(r => r.kind));
fill($('f-type'), rows.map(r => r.type || ''));
fill($('f-doc'), rows.map(r => r.document));
function esc(s) { return s.replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c])); }
function render() {
  const kind = $('f-kind').value, type = $('f-type').value, doc = $('f-doc').value;
  const actor = $('f-actor').value.trim().toLowerCase();
  const shown = rows.filter(r => (!kind || r.kind === kind) && (!type || r.type === type)
    && (!doc || r.document === doc) && (!actor || r.actors.some(a => a.toLowerCase().includes(actor))));
  const body = $('rows').querySelector('tbody');
  body.innerHTML = shown.slice(0, 500).map(r => '<tr><td>' + r.kind + '</td><td>' + esc(r.type || '') + '</td><td>'
    + esc(r.actors.join(' \u2192 ')) + '</td><td>' + esc(r.document) + '</td><td class="sentence">'
    + esc(r.sentence.slice(0, r.start)) + '<mark>' + esc(r.sentence.slice(r.start, r.end)) + '</mark>'
    + esc(r.sentence.slice(r.end)) + '</td></tr>').join('');
  $('row-count').textContent = shown.length + ' rows' + (shown.length > 500 ? ' (first 500 shown)' : '');
}
for (const id of ['f-kind', 'f-type', 'f-doc']) $(id).addEventListener('change', render);
$('f-actor').addEventListener('input', render);
render();
"""


def _table(df: pl.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in df.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in df.rows()
    )
    return f"<div class='numbers'><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def _overview(o: dict[str, Any]) -> str:
    rows = "".join(f"<tr><td>{html.escape(t)}</td><td>{n:,}</td></tr>" for t, n in o["rows"].items())
    rejected = ", ".join(f"{r['reason']}: {r['files']}" for r in o["rejected"]) or "none"
    published = " to ".join(str(d) for d in o["published"]) if o["published"][0] else "no dates"
    events = " to ".join(str(d) for d in o["event_dates"]) if o["event_dates"][0] else "no dates"
    return (
        f"<p>{o['documents']:,} documents, published {html.escape(published)} "
        f"({o['documents_dated']:,} dated); events dated {html.escape(events)} ({o['events_dated']:,} dated). "
        f"Rejected files: {html.escape(rejected)}.</p>"
        f"<table><thead><tr><th>table</th><th>rows</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def render_report(data: ReportData, charts: dict[str, str]) -> str:
    """The report's HTML text."""
    sections = []
    for name, chart in CHARTS.items():
        sections.append(
            f"<section id='{name}'><h2>{html.escape(chart.title)}</h2><div class='chart'>"
            f"<div class='figure'>{charts[name]}</div>{_table(chart.numbers(data))}</div></section>"
        )
    # "</" inside a script element would end it early: JSON escapes it away
    rows_json = json.dumps(data.browser_rows, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>geodiscourse release {html.escape(data.release_id)}</title>
<style>{_STYLE}</style></head><body>
<h1>geodiscourse release {html.escape(data.release_id)}</h1>
<p class="muted">Created {html.escape(str(data.overview.get("created_at")))}. Every chart has its numbers beside it.</p>
<section id="overview"><h2>At a glance</h2>{_overview(data.overview)}</section>
{"".join(sections)}
<section id="browser"><h2>Rows</h2>
<div id="filters">
<label>kind <select id="f-kind"><option value="">all</option></select></label>
<label>type <select id="f-type"><option value="">all</option></select></label>
<label>actor <input id="f-actor" placeholder="name contains"></label>
<label>document <select id="f-doc"><option value="">all</option></select></label>
<span id="row-count"></span></div>
<table id="rows"><thead><tr><th>kind</th><th>type</th><th>actors</th><th>document</th><th>sentence</th></tr></thead>
<tbody></tbody></table></section>
<script type="application/json" id="row-data">{rows_json}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def write_report(release: Path, out_file: Path) -> Path:
    """Write the report of the release folder ``release`` to ``out_file``."""
    data = report_data(release)
    text = render_report(data, render_charts(data))
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(text, encoding="utf-8")
    return out_file
