import { workingDaysBetween } from '../calendar/index.js';
import { TIMESCALE_WORDS, type TimescaleName } from '../facts/events/names.js';
import type { FactValue } from '../facts/types.js';
import type { Finding } from '../findings/types.js';
import { findingsOf, type Observation } from './observation.js';

/** The national standard timescales the report rates, in the order it shows them, with the paragraph or standard behind each. */
export const TIMESCALES: readonly { readonly name: TimescaleName; readonly title: string; readonly basis: string }[] = [
  { name: 'firstAppointment', title: 'First appointment', basis: 'NS 2005 / NS 2007' },
  { name: 'sentencePlan', title: 'Sentence plan', basis: 'NS 2005 / NS 2007' },
  { name: 'psr', title: 'Pre-sentence report', basis: 'NS 2005 / NS 2007' },
  { name: 'drugTesting', title: 'Drug testing', basis: 'PC80/2005' },
  { name: 'programmeStart', title: 'Programme start', basis: 'NS 2005; inspection para 5.20' },
  { name: 'breachAction', title: 'Breach action', basis: 'NS 2005 / NS 2007' },
  { name: 'transfer', title: 'Case transfer', basis: 'NS 2005; inspection paras 4.25-4.27' },
];

export type TimescaleStatus = 'met' | 'missed' | 'due' | 'notJudged';

/** One timescale of one order, as the result and the facts its rules read say it stands. */
export interface TimescaleOutcome {
  readonly name: TimescaleName;
  readonly status: TimescaleStatus;
  /** Working days from the clock's start to the date it was met (met, or met late); absent for drug testing and for a deadline not met by asOf. */
  readonly workingDays?: number;
  /** How bad a miss is: working days past the due date (met late, or to asOf when still not met), or weeks below the testing minimum. */
  readonly severity?: number;
  readonly severityUnit?: 'working days late' | 'weeks below the minimum';
  /** Why it was not judged, from TIMESCALE_NOT_JUDGED (dates taken out, so like reasons count together). */
  readonly reason?: string;
}

const str = (v: FactValue | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: FactValue | undefined): number | null => (typeof v === 'number' ? v : null);

/** A finding about a recorded timescale names it in its facts: `timescale.<name>.*`. */
function timescaleOf(f: Finding): TimescaleName | undefined {
  for (const key of Object.keys(f.facts)) {
    if (!key.startsWith('timescale.')) continue;
    const name = key.slice('timescale.'.length, key.indexOf('.', 'timescale.'.length));
    if (Object.hasOwn(TIMESCALE_WORDS, name)) return name as TimescaleName;
  }
  return undefined;
}

/** A breach naming a recorded timescale in its facts is that timescale missed (a proposal's planned tests name no timescale fact). */
const isMiss = (f: Finding): boolean => f.kind === 'breach';

const WORDS_TO_NAME = new Map(Object.entries(TIMESCALE_WORDS).map(([name, words]) => [words, name as TimescaleName]));
const DATE = /\d{4}-\d{2}-\d{2}/g;

/** TIMESCALE_NOT_JUDGED lists each timescale as "<words>: <reason>". */
function notJudgedOf(findings: readonly Finding[]): Map<TimescaleName, string> {
  const out = new Map<TimescaleName, string>();
  for (const f of findings) {
    if (f.code !== 'TIMESCALE_NOT_JUDGED') continue;
    const list = f.facts['timescales.notJudged'];
    for (const entry of Array.isArray(list) ? list : []) {
      const at = entry.indexOf(': ');
      const name = at === -1 ? undefined : WORDS_TO_NAME.get(entry.slice(0, at));
      if (name && !out.has(name)) out.set(name, entry.slice(at + 2).replace(DATE, 'the date'));
    }
  }
  return out;
}

const overdue = (dueOn: string | null, metOn: string | null, asOf: string | null): number | undefined => {
  const end = metOn ?? asOf;
  if (dueOn === null || end === null) return undefined;
  try {
    return workingDaysBetween(dueOn, end);
  } catch {
    return undefined;
  }
};

/**
 * Each rated timescale of an order that applies to it: missed where a breach finding reports it
 * late (its facts), due where TIMESCALE_DUE does, not judged where TIMESCALE_NOT_JUDGED lists it,
 * and met where the facts the rules read hold a met date with no lateness (no finding is raised for
 * a timescale met). A timescale with none of these does not apply to the order.
 */
export function timescaleOutcomes(o: Observation): TimescaleOutcome[] {
  const findings = findingsOf(o.result);
  const notJudged = notJudgedOf(findings);
  const fact = (name: string) => o.case.fact(name);
  const asOf = str(fact('events.asOf'));
  const out: TimescaleOutcome[] = [];
  for (const { name } of TIMESCALES) {
    const miss = findings.find((f) => timescaleOf(f) === name && isMiss(f));
    if (miss) {
      if (name === 'drugTesting') {
        out.push({ name, status: 'missed', ...sev(num(miss.facts['timescale.drugTesting.weeksBelow']), 'weeks below the minimum') });
      } else {
        const taken = num(miss.facts[`timescale.${name}.workingDaysTaken`] ?? fact(`timescale.${name}.workingDaysTaken`));
        const late = overdue(str(fact(`timescale.${name}.dueOn`)), str(fact(`timescale.${name}.metOn`)), asOf);
        out.push({ name, status: 'missed', ...(taken === null ? {} : { workingDays: taken }), ...sev(late ?? null, 'working days late') });
      }
      continue;
    }
    if (findings.some((f) => f.code === 'TIMESCALE_DUE' && timescaleOf(f) === name)) {
      out.push({ name, status: 'due' });
      continue;
    }
    const reason = notJudged.get(name);
    if (reason !== undefined) {
      out.push({ name, status: 'notJudged', reason });
      continue;
    }
    if (name === 'drugTesting') {
      if ((num(fact('timescale.drugTesting.weeksChecked')) ?? 0) > 0 && fact('timescale.drugTesting.belowStandard') === false) out.push({ name, status: 'met' });
      continue;
    }
    if (fact(`timescale.${name}.late`) === true) {
      // Late by the facts, yet no rule in use reported it: said, not counted as met or missed.
      out.push({ name, status: 'notJudged', reason: 'late by the facts, but no rule in use reports it' });
      continue;
    }
    if (str(fact(`timescale.${name}.metOn`)) !== null && fact(`timescale.${name}.late`) === false) {
      const taken = num(fact(`timescale.${name}.workingDaysTaken`));
      out.push({ name, status: 'met', ...(taken === null ? {} : { workingDays: taken }) });
    }
  }
  return out;
}

function sev(value: number | null, unit: NonNullable<TimescaleOutcome['severityUnit']>): Pick<TimescaleOutcome, 'severity' | 'severityUnit'> {
  return value === null ? {} : { severity: value, severityUnit: unit };
}
