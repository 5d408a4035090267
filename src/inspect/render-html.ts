import { reportCharts, type Chart } from './charts.js';
import { caseLabel, medianText, percent, plural, rateText } from './format.js';
import type { InspectionReport } from './report.js';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], marked?: (r: number, c: number) => boolean): string {
  const th = head.map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  const body = rows
    .map((r, i) => `<tr>${r.map((v, j) => (j === 0 ? `<th scope="row">${escape(v)}</th>` : `<td${marked?.(i, j) ? ' class="marked"' : ''}>${escape(v)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${escape(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The SVG made an image with a title and description a screen reader announces. */
function accessibleSvg(chart: Chart): string {
  const t = `${chart.id}-title`;
  const d = `${chart.id}-desc`;
  return chart.svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${t} ${d}" `).replace(/^(<svg[^>]*>)/, `$1<title id="${t}">${escape(chart.title)}</title><desc id="${d}">${escape(chart.description)}</desc>`);
}

/** A chart beside the table that carries the same numbers. */
function figure(chart: Chart | undefined, tableHtml: string): string {
  if (!chart) return `<div class="pair">${tableHtml}</div>`;
  return `<div class="pair"><figure id="${chart.id}">${accessibleSvg(chart)}<figcaption>${escape(chart.description)}</figcaption></figure>${tableHtml}</div>`;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; margin: 1.5rem auto; max-width: 1200px; padding: 0 1rem; color: #0b0c0c; line-height: 1.4; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; border-top: 2px solid #b1b4b6; padding-top: .6rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
th, td { border: 1px solid #b1b4b6; padding: .25rem .5rem; text-align: right; vertical-align: top; }
th[scope=row], thead th { text-align: left; background: #f3f2f1; }
td.marked { background: #f6d7d2; font-weight: bold; }
td.marked::after { content: " \\26A0"; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
figure { margin: 0; max-width: 100%; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #505a5f; max-width: 34rem; }
.note { color: #505a5f; font-size: .9rem; }
code { font-size: .85rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  h2 { break-before: auto; }
  .pair, table, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The report as one self-contained HTML file: inline CSS and inline SVG charts, nothing fetched. */
export async function renderHtml(report: InspectionReport): Promise<string> {
  const charts = new Map((await reportCharts(report)).map((c) => [c.id, c]));
  const c = report.caseload;
  const groups = c.groups.map((g) => g.name);
  const parts: string[] = [];
  parts.push(`<h1>Caseload inspection: ${escape(c.file)}</h1>`);
  parts.push(
    `<p>${escape(plural(c.orders, 'order'))} in ${escape(plural(groups.length, 'group'))} by <code>${escape(c.groupedBy)}</code> (${c.ok} ok, ${c.notOk} not ok)${c.badInput ? `; ${escape(plural(c.badInput, 'line'))} of bad input not counted (lines ${c.badLines.join(', ')}${c.badInput > c.badLines.length ? ', …' : ''})` : ''}. Every figure comes from the validator's findings and the facts its rules read, measured as ${escape(report.source)} measured its 687 cases.</p>`,
  );
  parts.push('<h2>Inspection measures by group</h2>');
  parts.push(
    table(
      'Inspection measures: each group, the caseload and the 2006 inspection',
      ['Group', 'Orders', ...report.measures.map((m) => `${m.short} (para ${m.paragraph})`)],
      [
        ...c.groups.map((g) => [g.name, String(g.orders), ...report.measures.map((m) => rateText(m.byGroup[g.name]!))]),
        ['All', String(c.orders), ...report.measures.map((m) => rateText(m.overall))],
        ['Inspection 2006', '687', ...report.measures.map((m) => (m.national ? percent(m.national.rate) : '–'))],
      ],
    ),
  );
  parts.push(`<ul class="note">${report.measures.map((m) => `<li><strong>${escape(m.short)}</strong> (para ${escape(m.paragraph)}): ${escape(m.title)}, of ${escape(m.of)}.${m.national ? ` Inspection: ${escape(m.national.text)}.` : ''}${m.differs ? ` Differs: ${escape(m.differs)}.` : ''}</li>`).join('')}</ul>`);
  for (const m of report.measures) {
    if (m.overall.denominator === 0) continue;
    parts.push(`<h3>${escape(m.title)} (para ${escape(m.paragraph)})</h3>`);
    parts.push(figure(charts.get(`rate-${m.id}`), table(m.short, ['Group', 'Rate'], [...groups.map((g) => [g, rateText(m.byGroup[g]!)]), ['All', rateText(m.overall)], ['Inspection 2006', m.national ? percent(m.national.rate) : '–']])));
  }
  const { intensities, bands, overall } = report.intensity;
  parts.push(`<h2>${escape(report.intensity.title)} (para ${escape(report.intensity.paragraph)})</h2>`);
  parts.push(`<p class="note">DRR requirements by intensity and the order's seriousness band. Marked cells hold requirements the rules found disproportionate (<code>${escape(report.intensity.code)}</code>).</p>`);
  parts.push(
    figure(
      charts.get('intensity'),
      table(
        'DRRs by intensity (rows) and seriousness (columns); marked: found disproportionate',
        ['Intensity', ...bands],
        intensities.map((i) => [i, ...bands.map((b) => (overall[i]![b]!.disproportionate > 0 ? `${overall[i]![b]!.requirements} (${overall[i]![b]!.disproportionate} disproportionate)` : String(overall[i]![b]!.requirements)))]),
        (r, col) => overall[intensities[r]!]![bands[col - 1]!]!.disproportionate > 0,
      ),
    ),
  );
  parts.push('<h2>National standard timescales</h2>');
  parts.push('<p class="note">Compliance is met over met and missed: the timescales judged. Not yet due and not judged are counted apart; the median is of working days taken where the timescale was met, on time or late.</p>');
  parts.push(
    table(
      'Timescales: met, missed, not yet due, not judged',
      ['Timescale', 'Met', 'Missed', 'Not yet due', 'Not judged', 'Compliance', 'Median working days', 'Worst cases'],
      report.timescales.map((t) => [`${t.title} (${t.basis})`, String(t.met), String(t.missed), String(t.due), String(t.notJudged), rateText(t.compliance), medianText(t.medianWorkingDays, t.medianOf), t.worst.map((w) => `${caseLabel(w)} (${w.severity} ${w.unit})`).join(', ') || '–']),
    ),
  );
  parts.push(table('Compliance by group', ['Timescale', ...groups, 'All'], report.timescales.map((t) => [t.title, ...groups.map((g) => rateText(t.byGroup[g]!.compliance)), rateText(t.compliance)])));
  const reasons = report.timescales.flatMap((t) => t.notJudgedReasons.map((r) => `<li>${escape(t.title)}: ${escape(plural(r.orders, 'order'))}: ${escape(r.reason)}</li>`));
  if (reasons.length) parts.push(`<h3>Why timescales were not judged</h3><ul>${reasons.join('')}</ul>`);
  const months = [...new Set(report.timescales.flatMap((t) => t.byMonth.map((m) => m.month)))].sort();
  if (months.length) {
    parts.push('<h3>Compliance by month of sentence</h3>');
    parts.push(
      figure(
        charts.get('compliance-by-month'),
        table('Met of those judged, by month of sentence', ['Month', ...report.timescales.map((t) => t.title)], months.map((month) => [month, ...report.timescales.map((t) => {
          const m = t.byMonth.find((x) => x.month === month);
          return m ? `${percent(m.compliance)} (${m.met}/${m.met + m.missed})` : '–';
        })])),
      ),
    );
  }
  parts.push('<h2>Findings by code</h2>');
  parts.push(
    table(
      'Orders with each code at least once, by group (findings: every finding, each requirement counted)',
      ['Code', 'Kind', ...groups, 'All', 'Findings'],
      report.findings.overall.map((r) => [r.code, r.kind, ...groups.map((g) => String(report.findings.byGroup[g]!.find((x) => x.code === r.code)?.orders ?? 0)), String(r.orders), String(r.findings)]),
    ),
  );
  parts.push('<h2>Orders with the most serious findings</h2>');
  parts.push(
    report.mostSerious.length === 0
      ? '<p>No order has an invalid requirement, a breach or a tension.</p>'
      : table('Most invalid requirements, then breaches, then tensions', ['Case', 'Group', 'Invalid', 'Breaches', 'Tensions', 'Codes'], report.mostSerious.map((s) => [caseLabel(s), s.group, String(s.invalid), String(s.breach), String(s.tension), s.codes.join(', ')])),
  );
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Caseload inspection: ${escape(c.file)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
