import { confidenceOfTag, weakest } from '../../law/confidence.js';
import { valueOn, type DatedValue, type KeyDates, type ParameterDefinition, type ParameterTable } from '../../law/parameters.js';
import { tableOf, type ResolvedParameter, type ResolvedParameters } from '../../law/resolve.js';
import type { ParameterOrigin } from '../types.js';

/** A national standard's figure for one timescale, with where it came from. */
export interface Figure {
  readonly value: number;
  readonly origin: ParameterOrigin;
}

/** Figures made so far, by the dated value they were read from and the parameter's name (a value object may be shared by overrides). */
const figuresOf = new WeakMap<DatedValue, Map<string, { readonly definition: ParameterDefinition; readonly figure: Figure }>>();

/** Case-level figures made so far, by the resolved parameter they were read from and its name. */
const caseFigures = new WeakMap<ResolvedParameter, Map<string, Figure>>();

/**
 * The figures of the national standards in force on a given day. A parameter keyed on `event` is
 * read on the day the timescale's clock started (NS 2005 applied to all offenders whatever their
 * start date, so the sentence date does not decide); one keyed on a case date is read on that date,
 * as the rules read it.
 */
export class Figures {
  private readonly table: ParameterTable | undefined;
  /** The case's dates with the clock's start as `event`: one object per order, its `event` set per look-up. */
  private readonly at: { offence: string; conviction: string; sentence: string; event: string };

  constructor(
    private readonly params: ResolvedParameters,
    dates: KeyDates,
  ) {
    this.table = tableOf(params);
    this.at = { offence: dates.offence, conviction: dates.conviction, sentence: dates.sentence, event: dates.sentence };
  }

  /** The figure of `name` in force for a clock that started on `on`, or undefined where none is (no such standard then). */
  on(name: string, on: string): Figure | undefined {
    const definition = this.table?.[name];
    if (!definition) {
      // A resolution built without a table (none in this library) still gives the case-level value.
      const p = this.params[name];
      return typeof p?.value === 'number' ? { value: p.value, origin: { name, source: p.source, confidence: p.confidence } } : undefined;
    }
    this.at.event = on;
    const v = valueOn(definition, this.at);
    if (!v || typeof v.value !== 'number') return undefined;
    // A figure depends only on the dated value and its definition: made once, shared by every order.
    let byName = figuresOf.get(v);
    const known = byName?.get(name);
    if (known && known.definition === definition) return known.figure;
    const tag = confidenceOfTag(v.confidence);
    const confidence = definition.keyingConfidence ? weakest(tag, confidenceOfTag(definition.keyingConfidence)) : tag;
    const figure: Figure = Object.freeze({ value: v.value, origin: Object.freeze({ name, source: v.source, confidence }) });
    if (!byName) figuresOf.set(v, (byName = new Map()));
    byName.set(name, { definition, figure });
    return figure;
  }

  /** The case-level value of a parameter keyed on a case date (a statutory period), as the rules read it. */
  caseValue(name: string): Figure | undefined {
    const p = this.params[name];
    if (typeof p?.value !== 'number') return undefined;
    // Resolutions are shared by every case of an epoch: so are the figures made from them.
    let byName = caseFigures.get(p);
    const known = byName?.get(name);
    if (known) return known;
    const figure: Figure = Object.freeze({ value: p.value, origin: Object.freeze({ name, source: p.source, confidence: p.confidence }) });
    if (!byName) caseFigures.set(p, (byName = new Map()));
    byName.set(name, figure);
    return figure;
  }
}

/** Why a timescale has no figure: said in the result, never left silent. */
export const noFigure = (name: string, clock: string, on: string): string =>
  `no national standard figure (${name}) is in force for a clock that started on ${on} (${clock}); the reference gives none for the standard in force then`;
