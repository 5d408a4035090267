import { confidenceOfTag, weakest } from '../../law/confidence.js';
import { valueOn, type KeyDates } from '../../law/parameters.js';
import { tableOf, type ResolvedParameters } from '../../law/resolve.js';
import type { ParameterOrigin } from '../types.js';

/** A national standard's figure for one timescale, with where it came from. */
export interface Figure {
  readonly value: number;
  readonly origin: ParameterOrigin;
}

/**
 * The figures of the national standards in force on a given day. A parameter keyed on `event` is
 * read on the day the timescale's clock started (NS 2005 applied to all offenders whatever their
 * start date, so the sentence date does not decide); one keyed on a case date is read on that date,
 * as the rules read it.
 */
export class Figures {
  constructor(
    private readonly params: ResolvedParameters,
    private readonly dates: KeyDates,
  ) {}

  /** The figure of `name` in force for a clock that started on `on`, or undefined where none is (no such standard then). */
  on(name: string, on: string): Figure | undefined {
    const definition = tableOf(this.params)?.[name];
    if (!definition) {
      // A resolution built without a table (none in this library) still gives the case-level value.
      const p = this.params[name];
      return typeof p?.value === 'number' ? { value: p.value, origin: { name, source: p.source, confidence: p.confidence } } : undefined;
    }
    const v = valueOn(definition, { ...this.dates, event: on });
    if (!v || typeof v.value !== 'number') return undefined;
    const tag = confidenceOfTag(v.confidence);
    const confidence = definition.keyingConfidence ? weakest(tag, confidenceOfTag(definition.keyingConfidence)) : tag;
    return { value: v.value, origin: { name, source: v.source, confidence } };
  }

  /** The case-level value of a parameter keyed on a case date (a statutory period), as the rules read it. */
  caseValue(name: string): Figure | undefined {
    const p = this.params[name];
    return typeof p?.value === 'number' ? { value: p.value, origin: { name, source: p.source, confidence: p.confidence } } : undefined;
  }
}

/** Why a timescale has no figure: said in the result, never left silent. */
export const noFigure = (name: string, clock: string, on: string): string =>
  `no national standard figure (${name}) is in force for a clock that started on ${on} (${clock}); the reference gives none for the standard in force then`;
