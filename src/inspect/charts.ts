import type { InspectionReport, MeasureReport } from './report.js';

/**
 * Charts as SVG, rendered in Node by vega-lite (compile) and vega (render, no browser, no canvas:
 * text is measured by estimate). Both are ESM-only and large, so they are imported here, on the CLI
 * path only, and never by `import 'proportionate'`.
 */
export interface Chart {
  readonly id: string;
  readonly title: string;
  /** What the chart shows, in words: the SVG's description for screen readers and the caption. */
  readonly description: string;
  readonly svg: string;
}

type Spec = Record<string, unknown>;

const CONFIG = {
  font: 'Arial, Helvetica, sans-serif',
  background: 'white',
  axis: { labelFontSize: 11, titleFontSize: 11 },
  view: { stroke: null },
} as const;

/** Each group's rate as a bar, the caseload's rate as a solid line and the inspection's figure as a dashed one. */
export function rateSpec(m: MeasureReport): Spec {
  const values = Object.entries(m.byGroup)
    .filter(([, r]) => r.rate !== null)
    .map(([group, r]) => ({ group, rate: r.rate, label: `${Math.round(r.rate! * 100)}% (${r.numerator}/${r.denominator})` }));
  const marks: Spec[] = [
    {
      data: { values },
      mark: { type: 'bar', color: '#1d70b8' },
      encoding: {
        y: { field: 'group', type: 'nominal', title: null, sort: null },
        x: { field: 'rate', type: 'quantitative', title: 'share of orders', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      },
    },
    {
      data: { values },
      // Past the 100% mark, in a column of their own, so no line ever crosses a label.
      mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 },
      encoding: { y: { field: 'group', type: 'nominal', sort: null }, x: { datum: 1, type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  const lines: Spec[] = [];
  if (m.overall.rate !== null) lines.push({ rate: m.overall.rate, what: `caseload ${Math.round(m.overall.rate * 100)}%`, dash: 'caseload' });
  if (m.national) lines.push({ rate: m.national.rate, what: `inspection 2006 ${Math.round(m.national.rate * 100)}%`, dash: 'inspection' });
  if (lines.length) {
    marks.push({
      data: { values: lines },
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: {
        x: { field: 'rate', type: 'quantitative' },
        color: { field: 'what', type: 'nominal', title: null, scale: { range: ['#000000', '#d4351c'] }, legend: { orient: 'bottom' } },
        strokeDash: { field: 'dash', type: 'nominal', scale: { domain: ['caseload', 'inspection'], range: [[1, 0], [6, 3]] }, legend: null },
      },
    });
  }
  return { width: 380, height: { step: 22 }, title: `${m.short} (para ${m.paragraph})`, layer: marks, config: CONFIG };
}

/** The intensity-by-band table as a heat map: count per cell, disproportionate cells outlined in red and labelled. */
export function intensitySpec(report: InspectionReport): Spec {
  const { intensities, bands, overall } = report.intensity;
  const values = intensities.flatMap((i) =>
    bands.map((b) => {
      const c = overall[i]![b]!;
      return { intensity: i, band: b, requirements: c.requirements, marked: c.disproportionate > 0, label: c.disproportionate > 0 ? `${c.requirements} (${c.disproportionate} ⚠)` : String(c.requirements) };
    }),
  );
  return {
    width: 320,
    height: 150,
    title: `DRR intensity against seriousness (para ${report.intensity.paragraph})`,
    data: { values },
    encoding: {
      x: { field: 'band', type: 'ordinal', sort: bands, title: 'seriousness band', axis: { labelAngle: 0 } },
      y: { field: 'intensity', type: 'ordinal', sort: [...intensities].reverse(), title: 'DRR intensity' },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'requirements', type: 'quantitative', title: 'DRRs', scale: { scheme: 'blues' } },
          stroke: { condition: { test: 'datum.marked', value: '#d4351c' }, value: null },
          strokeWidth: { condition: { test: 'datum.marked', value: 3 }, value: 0 },
        },
      },
      { mark: { type: 'text', fontSize: 12 }, encoding: { text: { field: 'label' }, color: { value: 'black' } } },
    ],
    config: CONFIG,
  };
}

/** Compliance (met over judged) by month of sentence, one line per timescale. */
export function complianceSpec(report: InspectionReport): Spec {
  const values = report.timescales.flatMap((t) => t.byMonth.filter((m) => m.compliance !== null).map((m) => ({ timescale: t.title, month: m.month, compliance: m.compliance, judged: m.met + m.missed })));
  return {
    width: 520,
    height: 220,
    title: 'National standard compliance by month of sentence',
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth', title: 'month of sentence' },
      y: { field: 'compliance', type: 'quantitative', title: 'met, of those judged', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'timescale', type: 'nominal', title: 'timescale', legend: { orient: 'bottom', columns: 3 } },
      tooltip: [{ field: 'timescale' }, { field: 'month' }, { field: 'compliance', format: '.0%' }, { field: 'judged' }],
    },
    config: CONFIG,
  };
}

/** Render vega-lite specs to SVG strings. */
export async function renderSvg(specs: readonly Spec[]): Promise<string[]> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const out: string[] = [];
  for (const spec of specs) {
    const compiled = vl.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...spec } as never).spec;
    // No loader is needed or allowed: every chart's data is inline, so nothing is fetched.
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: vega.loader({ mode: 'file' }) as never });
    out.push(await view.toSVG());
    view.finalize();
  }
  return out;
}

/** Every chart of the report, described. */
export async function reportCharts(report: InspectionReport): Promise<Chart[]> {
  const measures = report.measures.filter((m) => m.overall.denominator > 0);
  const defs = [
    ...measures.map((m) => ({
      id: `rate-${m.id}`,
      title: `${m.title} (para ${m.paragraph})`,
      description: `Bars: for each group, the share of ${m.of} counted under "${m.title}". Solid line: the caseload as a whole (${Math.round((m.overall.rate ?? 0) * 100)}%).${m.national ? ` Dashed line: the 2006 inspection (${m.national.text}).` : ''}`,
      spec: rateSpec(m),
    })),
    {
      id: 'intensity',
      title: `DRR intensity against seriousness (para ${report.intensity.paragraph})`,
      description: 'Heat table: DRR requirements by intensity (rows) and seriousness band (columns), darker for more. Cells outlined in red hold DRRs the rules found disproportionate to seriousness.',
      spec: intensitySpec(report),
    },
    {
      id: 'compliance-by-month',
      title: 'National standard compliance by month of sentence',
      description: 'Lines: for each timescale, the share met of those judged (met or missed), by month of sentence.',
      spec: complianceSpec(report),
    },
  ];
  const svgs = await renderSvg(defs.map((d) => d.spec));
  return defs.map((d, i) => ({ id: d.id, title: d.title, description: d.description, svg: svgs[i]! }));
}
