import type { FindingKind } from '../engine/pack.js';
import { INTENSITY_TABLE, MEASURES } from './measures.js';
import { histogramMedian, OTHER_GROUPS, type Cell, type GroupTally, type InspectionTally, type SeriousCase, type WorstCase } from './tally.js';
import { TIMESCALES } from './timescales.js';

export const REPORT_SOURCE = "HM Inspectorate of Probation, 'Half Full and Half Empty' (2006)";

/** A rate with the counts behind it; `rate` is null where nobody is counted. */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}
export interface MeasureReport {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly paragraph: string;
  readonly of: string;
  readonly national: { readonly rate: number; readonly text: string } | null;
  readonly differs: string | null;
  readonly overall: Rate;
  readonly byGroup: Readonly<Record<string, Rate>>;
}
export interface TimescaleFigures {
  readonly met: number;
  readonly missed: number;
  readonly due: number;
  readonly notJudged: number;
  /** Met over met and missed: of the timescales judged, the share kept. */
  readonly compliance: Rate;
  readonly notJudgedReasons: readonly { readonly reason: string; readonly orders: number }[];
  /** Median working days taken, over the timescales met (on time or late) with a count; null for drug testing. */
  readonly medianWorkingDays: number | null;
  readonly medianOf: number;
}
export interface TimescaleReport extends TimescaleFigures {
  readonly name: string;
  readonly title: string;
  readonly basis: string;
  readonly worst: readonly WorstCase[];
  readonly byGroup: Readonly<Record<string, TimescaleFigures>>;
  /** By month of sentence: met and missed, and the compliance rate. */
  readonly byMonth: readonly { readonly month: string; readonly met: number; readonly missed: number; readonly compliance: number | null }[];
}
export interface IntensityReport {
  readonly paragraph: string;
  readonly title: string;
  readonly intensities: readonly string[];
  readonly bands: readonly string[];
  readonly code: string;
  /** cells[intensity][band]; a cell with disproportionate > 0 is marked. */
  readonly overall: Readonly<Record<string, Readonly<Record<string, Cell>>>>;
  readonly byGroup: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, Cell>>>>>>;
}
export interface CodeRow {
  readonly code: string;
  readonly kind: FindingKind;
  readonly orders: number;
  readonly findings: number;
}
export interface InspectionReport {
  readonly source: string;
  readonly caseload: {
    readonly file: string;
    readonly groupedBy: string;
    readonly orders: number;
    readonly ok: number;
    readonly notOk: number;
    readonly badInput: number;
    readonly badLines: readonly number[];
    readonly blankLines: number;
    readonly groups: readonly { readonly name: string; readonly orders: number }[];
    /** Orders counted under OTHER_GROUPS once too many groups were seen. */
    readonly otherGroups: number;
  };
  readonly measures: readonly MeasureReport[];
  readonly intensity: IntensityReport;
  readonly timescales: readonly TimescaleReport[];
  readonly findings: { readonly overall: readonly CodeRow[]; readonly byGroup: Readonly<Record<string, readonly CodeRow[]>> };
  readonly mostSerious: readonly SeriousCase[];
}

export const rateOf = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

const KIND_ORDER: Record<FindingKind, number> = { invalid: 0, breach: 1, tension: 2, advisory: 3 };

function codeRows(g: GroupTally): CodeRow[] {
  return Object.entries(g.codes)
    .map(([code, c]) => ({ code, kind: c.kind, orders: c.orders, findings: c.findings }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.orders - a.orders || (a.code < b.code ? -1 : 1));
}

function timescaleFigures(g: GroupTally, name: string): TimescaleFigures {
  const c = g.timescales[name]!;
  const { median, of } = histogramMedian(c.days);
  return {
    met: c.met,
    missed: c.missed,
    due: c.due,
    notJudged: c.notJudged,
    compliance: rateOf(c.met, c.met + c.missed),
    notJudgedReasons: Object.entries(c.reasons)
      .map(([reason, orders]) => ({ reason, orders }))
      .sort((a, b) => b.orders - a.orders || (a.reason < b.reason ? -1 : 1)),
    medianWorkingDays: median,
    medianOf: of,
  };
}

/** Groups in a stable order: by name, with the catch-alls last. */
function groupNames(t: InspectionTally): string[] {
  return [...t.groups.keys()].sort((a, b) => Number(a.startsWith('(')) - Number(b.startsWith('(')) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The report as plain data: every number the markdown and HTML show, and what --format json prints. */
export function buildReport(t: InspectionTally, file: string, groupedBy: string): InspectionReport {
  const names = groupNames(t);
  const byGroup = <T>(f: (g: GroupTally) => T): Record<string, T> => Object.fromEntries(names.map((n) => [n, f(t.groups.get(n)!)]));
  return {
    source: REPORT_SOURCE,
    caseload: {
      file,
      groupedBy,
      orders: t.overall.orders,
      ok: t.overall.ok,
      notOk: t.overall.notOk,
      badInput: t.bad,
      badLines: [...t.badLines],
      blankLines: t.blank,
      groups: names.map((name) => ({ name, orders: t.groups.get(name)!.orders })),
      otherGroups: t.groups.has(OTHER_GROUPS) ? t.otherGroups : 0,
    },
    measures: MEASURES.map((m) => {
      const r = (g: GroupTally) => rateOf(g.measures[m.id]!.numerator, g.measures[m.id]!.denominator);
      return { id: m.id, title: m.title, short: m.short, paragraph: m.paragraph, of: m.of, national: m.national ?? null, differs: m.differs ?? null, overall: r(t.overall), byGroup: byGroup(r) };
    }),
    intensity: { ...INTENSITY_TABLE, overall: t.overall.intensity, byGroup: byGroup((g) => g.intensity) },
    timescales: TIMESCALES.map((ts) => ({
      name: ts.name,
      title: ts.title,
      basis: ts.basis,
      ...timescaleFigures(t.overall, ts.name),
      worst: t.worst[ts.name]!,
      byGroup: byGroup((g) => timescaleFigures(g, ts.name)),
      byMonth: Object.entries(t.byMonth[ts.name]!)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([month, c]) => ({ month, met: c.met, missed: c.missed, compliance: rateOf(c.met, c.met + c.missed).rate })),
    })),
    findings: { overall: codeRows(t.overall), byGroup: byGroup(codeRows) },
    mostSerious: t.serious,
  };
}
