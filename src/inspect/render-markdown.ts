import { caseLabel, medianText, percent, plural, rateText } from './format.js';
import type { InspectionReport, MeasureReport } from './report.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

const ALL = 'All';

/** The first table: each group's rate of each inspection measure, the caseload's, and the inspection's own. */
export function measuresTable(report: InspectionReport): string {
  const head = [report.caseload.groupedBy === 'provision.area' ? 'Area' : report.caseload.groupedBy, 'Orders', ...report.measures.map((m) => `${m.short} (para ${m.paragraph})`)];
  const rows = report.caseload.groups.map((g) => [g.name, String(g.orders), ...report.measures.map((m) => rateText(m.byGroup[g.name]!))]);
  rows.push([`**${ALL}**`, `**${report.caseload.orders}**`, ...report.measures.map((m) => `**${rateText(m.overall)}**`)]);
  rows.push(['Inspection 2006', '687', ...report.measures.map((m) => (m.national ? percent(m.national.rate) : '–'))]);
  return table(head, rows);
}

function measureNotes(measures: readonly MeasureReport[]): string {
  return measures.map((m) => `- **${m.short}** (para ${m.paragraph}): ${m.title}, of ${m.of}.${m.national ? ` Inspection: ${m.national.text}.` : ''}${m.differs ? ` Differs: ${m.differs}.` : ''}`).join('\n');
}

function intensityTable(report: InspectionReport, cells: InspectionReport['intensity']['overall']): string {
  const { intensities, bands } = report.intensity;
  const rows = intensities.map((i) => [
    `${i} intensity`,
    ...bands.map((b) => {
      const c = cells[i]![b]!;
      return c.disproportionate > 0 ? `**${c.requirements}** (${c.disproportionate} disproportionate) ⚠` : String(c.requirements);
    }),
  ]);
  return table(['DRR intensity \\ seriousness', ...bands.map((b) => `${b} seriousness`)], rows);
}

/** The whole report as Markdown: tables only, each with the paragraph it reproduces. */
export function renderMarkdown(report: InspectionReport): string {
  const c = report.caseload;
  const out: string[] = [];
  out.push(`# Caseload inspection: ${c.file}`);
  out.push(
    `${plural(c.orders, 'order')} in ${plural(c.groups.length, 'group')} by \`${c.groupedBy}\` (${c.ok} ok, ${c.notOk} not ok)` +
      `${c.badInput ? `; ${plural(c.badInput, 'line')} of bad input not counted (lines ${c.badLines.join(', ')}${c.badInput > c.badLines.length ? ', ...' : ''})` : ''}` +
      `${c.otherGroups ? `; ${plural(c.otherGroups, 'order')} counted under "(other values)" past the 200th group` : ''}. ` +
      `Every figure comes from the validator's findings and the facts its rules read, measured as ${report.source} measured its 687 cases.`,
  );
  out.push('## Inspection measures by group', measuresTable(report), measureNotes(report.measures));
  out.push(
    `## ${report.intensity.title} (para ${report.intensity.paragraph})`,
    `DRR requirements by intensity and the order's seriousness band. A marked cell (⚠) holds requirements the rules found disproportionate (\`${report.intensity.code}\`).`,
    intensityTable(report, report.intensity.overall),
  );
  for (const [name, cells] of Object.entries(report.intensity.byGroup)) {
    const n = Object.values(cells).reduce((s, r) => s + Object.values(r).reduce((t, x) => t + x.requirements, 0), 0);
    if (n > 0) out.push(`### ${name}`, intensityTable(report, cells));
  }
  out.push(
    '## National standard timescales',
    'Compliance is met over met and missed: the timescales judged. Not yet due and not judged are counted apart; the median is of working days taken where the timescale was met, on time or late.',
    table(
      ['Timescale', 'Met', 'Missed', 'Not yet due', 'Not judged', 'Compliance', 'Median working days', 'Worst cases'],
      report.timescales.map((t) => [
        `${t.title} (${t.basis})`,
        String(t.met),
        String(t.missed),
        String(t.due),
        String(t.notJudged),
        rateText(t.compliance),
        medianText(t.medianWorkingDays, t.medianOf),
        t.worst.map((w) => `${caseLabel(w)} (${w.severity} ${w.severity === 1 ? w.unit.replace('days', 'day').replace('weeks', 'week') : w.unit})`).join(', ') || '–',
      ]),
    ),
  );
  const groups = c.groups.map((g) => g.name);
  out.push(
    '### Compliance by group',
    table(['Timescale', ...groups, ALL], report.timescales.map((t) => [t.title, ...groups.map((g) => rateText(t.byGroup[g]!.compliance)), rateText(t.compliance)])),
  );
  const reasons = report.timescales.flatMap((t) => t.notJudgedReasons.map((r) => `- ${t.title}: ${plural(r.orders, 'order')}: ${r.reason}`));
  if (reasons.length) out.push('### Why timescales were not judged', reasons.join('\n'));
  const months = [...new Set(report.timescales.flatMap((t) => t.byMonth.map((m) => m.month)))].sort();
  if (months.length) {
    out.push(
      '### Compliance by month of sentence',
      table(['Month', ...report.timescales.map((t) => t.title)], months.map((month) => [month, ...report.timescales.map((t) => {
        const m = t.byMonth.find((x) => x.month === month);
        return m ? `${percent(m.compliance)} (${m.met} of ${m.met + m.missed})` : '–';
      })])),
    );
  }
  out.push(
    '## Findings by code',
    'Orders with each code at least once, by group; `findings` counts each requirement\'s finding.',
    table(
      ['Code', 'Kind', ...groups, ALL, 'Findings'],
      report.findings.overall.map((r) => [`\`${r.code}\``, r.kind, ...groups.map((g) => String(report.findings.byGroup[g]!.find((x) => x.code === r.code)?.orders ?? 0)), String(r.orders), String(r.findings)]),
    ),
  );
  out.push(
    '## Orders with the most serious findings',
    report.mostSerious.length === 0
      ? 'No order has an invalid requirement, a breach or a tension.'
      : table(['Case', 'Group', 'Invalid', 'Breaches', 'Tensions', 'Codes'], report.mostSerious.map((s) => [caseLabel(s), s.group, String(s.invalid), String(s.breach), String(s.tension), s.codes.join(', ')])),
  );
  return `${out.join('\n\n')}\n`;
}
