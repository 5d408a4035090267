import type { FindingKind } from '../engine/pack.js';
import type { FactValue } from '../facts/types.js';
import { INTENSITY_TABLE, MEASURES } from './measures.js';
import { caseName, findingsOf, type Observation } from './observation.js';
import { TIMESCALES, timescaleOutcomes, type TimescaleOutcome } from './timescales.js';

/** Most groups kept apart; beyond this (a --by field with a value per order, say) orders count under OTHER_GROUPS, so memory stays flat. */
export const MAX_GROUPS = 200;
export const OTHER_GROUPS = '(other values)';
/** Worst cases kept per timescale, and most serious orders kept. */
export const WORST_KEPT = 5;
export const SERIOUS_KEPT = 10;
/** Line numbers of bad input kept for the report (all are counted). */
export const BAD_LINES_KEPT = 20;

export interface Ratio {
  numerator: number;
  denominator: number;
}
export interface Cell {
  requirements: number;
  disproportionate: number;
}
export interface TimescaleCounts {
  met: number;
  missed: number;
  due: number;
  notJudged: number;
  /** Why not judged, with how many. */
  reasons: Record<string, number>;
  /** Working days taken, by value: a histogram, so the median needs no list of orders. */
  days: Record<number, number>;
}
export interface CodeCount {
  kind: FindingKind;
  /** Orders with the code at least once. */
  orders: number;
  /** Findings with the code, counting each requirement's. */
  findings: number;
}
export interface GroupTally {
  orders: number;
  ok: number;
  notOk: number;
  measures: Record<string, Ratio>;
  intensity: Record<string, Record<string, Cell>>;
  timescales: Record<string, TimescaleCounts>;
  codes: Record<string, CodeCount>;
}
export interface CaseRef {
  id?: string;
  line: number;
  group: string;
}
export interface WorstCase extends CaseRef {
  severity: number;
  unit: string;
  workingDays?: number;
}
export interface SeriousCase extends CaseRef {
  invalid: number;
  breach: number;
  tension: number;
  codes: string[];
}
export interface MonthCounts {
  met: number;
  missed: number;
}

const emptyGroup = (): GroupTally => ({
  orders: 0,
  ok: 0,
  notOk: 0,
  measures: Object.fromEntries(MEASURES.map((m) => [m.id, { numerator: 0, denominator: 0 }])),
  intensity: Object.fromEntries(INTENSITY_TABLE.intensities.map((i) => [i, Object.fromEntries(INTENSITY_TABLE.bands.map((b) => [b, { requirements: 0, disproportionate: 0 }]))])),
  timescales: Object.fromEntries(TIMESCALES.map((t) => [t.name, { met: 0, missed: 0, due: 0, notJudged: 0, reasons: {}, days: {} }])),
  codes: {},
});

/** Keep the `k` largest by `rank` (descending), ties to the earlier line. */
function keepTop<T extends { line: number }>(list: T[], item: T, k: number, rank: (t: T) => number[]): void {
  const before = (a: T, b: T) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! > rb[i]!;
    return a.line < b.line;
  };
  if (list.length >= k && !before(item, list[list.length - 1]!)) return;
  let at = list.length;
  while (at > 0 && before(item, list[at - 1]!)) at--;
  list.splice(at, 0, item);
  if (list.length > k) list.pop();
}

/**
 * Counts over a caseload, by group and overall, built one order at a time: nothing per order is
 * kept but the few worst and most serious cases, so memory is flat in the number of orders.
 */
export class InspectionTally {
  readonly overall = emptyGroup();
  readonly groups = new Map<string, GroupTally>();
  readonly worst: Record<string, WorstCase[]> = Object.fromEntries(TIMESCALES.map((t) => [t.name, []]));
  readonly serious: SeriousCase[] = [];
  /** By timescale, month of sentence (YYYY-MM): met and missed. */
  readonly byMonth: Record<string, Record<string, MonthCounts>> = Object.fromEntries(TIMESCALES.map((t) => [t.name, {}]));
  bad = 0;
  blank = 0;
  readonly badLines: number[] = [];
  otherGroups = 0;

  groupOf(name: string): GroupTally {
    let g = this.groups.get(name);
    if (g) return g;
    if (this.groups.size >= MAX_GROUPS) {
      this.otherGroups++;
      name = OTHER_GROUPS;
      g = this.groups.get(name);
      if (g) return g;
    }
    g = emptyGroup();
    this.groups.set(name, g);
    return g;
  }

  countBad(line: number): void {
    this.bad++;
    if (this.badLines.length < BAD_LINES_KEPT) this.badLines.push(line);
  }

  add(o: Observation): void {
    const group = this.groupOf(o.group);
    const outcomes = timescaleOutcomes(o);
    const findings = findingsOf(o.result);
    for (const g of [this.overall, group]) {
      g.orders++;
      if (o.result.ok) g.ok++;
      else g.notOk++;
      for (const m of MEASURES) {
        if (!m.counts(o)) continue;
        const r = g.measures[m.id]!;
        r.denominator++;
        if (m.meets(o)) r.numerator++;
      }
      this.countIntensity(g, o);
      for (const t of outcomes) countTimescale(g.timescales[t.name]!, t);
      const seen = new Set<string>();
      for (const f of findings) {
        const c = (g.codes[f.code] ??= { kind: f.kind, orders: 0, findings: 0 });
        c.findings++;
        if (!seen.has(f.code)) c.orders++;
        seen.add(f.code);
      }
    }
    const ref: CaseRef = { ...(o.id === undefined ? {} : { id: o.id }), line: o.line, group: o.group };
    const month = o.case.order.sentenceDate.slice(0, 7);
    for (const t of outcomes) {
      if (t.status === 'met' || t.status === 'missed') {
        const m = (this.byMonth[t.name]![month] ??= { met: 0, missed: 0 });
        m[t.status]++;
      }
      if (t.status === 'missed' && t.severity !== undefined)
        keepTop(this.worst[t.name]!, { ...ref, severity: t.severity, unit: t.severityUnit!, ...(t.workingDays === undefined ? {} : { workingDays: t.workingDays }) }, WORST_KEPT, (w) => [w.severity]);
    }
    const count = (kind: FindingKind) => findings.filter((f) => f.kind === kind).length;
    const s: SeriousCase = { ...ref, invalid: count('invalid'), breach: count('breach'), tension: count('tension'), codes: [...new Set(findings.filter((f) => f.kind !== 'advisory').map((f) => f.code))] };
    if (s.invalid + s.breach + s.tension > 0) keepTop(this.serious, s, SERIOUS_KEPT, (c) => [c.invalid, c.breach, c.tension]);
  }

  private countIntensity(g: GroupTally, o: Observation): void {
    const band = o.case.fact('order.band');
    o.case.order.requirements.forEach((req, index) => {
      if (req.kind !== 'drug-rehabilitation' || typeof band !== 'string') return;
      const cell = g.intensity[req.intensity]?.[band];
      if (!cell) return;
      cell.requirements++;
      if (o.result.requirements[index]?.findings.some((f) => f.code === INTENSITY_TABLE.code)) cell.disproportionate++;
    });
  }
}

function countTimescale(c: TimescaleCounts, t: TimescaleOutcome): void {
  c[t.status]++;
  if (t.reason !== undefined) c.reasons[t.reason] = (c.reasons[t.reason] ?? 0) + 1;
  if (t.workingDays !== undefined) c.days[t.workingDays] = (c.days[t.workingDays] ?? 0) + 1;
}

/** The median of a histogram of whole numbers (the mean of the two middle values for an even count), or null when empty. */
export function histogramMedian(days: Readonly<Record<number, number>>): { median: number | null; of: number } {
  const values = Object.keys(days)
    .map(Number)
    .sort((a, b) => a - b);
  const n = values.reduce((sum, v) => sum + days[v]!, 0);
  if (n === 0) return { median: null, of: 0 };
  const at = (k: number) => {
    let seen = 0;
    for (const v of values) {
      seen += days[v]!;
      if (seen > k) return v;
    }
    return values[values.length - 1]!;
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { median, of: n };
}

export { caseName };
