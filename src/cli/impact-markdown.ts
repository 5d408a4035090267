import type { Validator } from '../index.js';
import type { DatedValue } from '../law/parameters.js';
import type { ImpactSummary, OrderImpact } from './impact.js';
import { requirementLabel } from './report.js';

/** What a change to the law is, read from the two validators (so it is what ran, not what was asked for). */
export interface LawChange {
  readonly parameters: readonly { readonly name: string; readonly before?: readonly DatedValue[]; readonly after: readonly DatedValue[] }[];
  readonly packs: readonly { readonly id: string; readonly file: string; readonly title: string; readonly rules: readonly { name: string; code: string; kind: string }[] }[];
}

export function lawChange(before: Validator, after: Validator): LawChange {
  const parameters = Object.keys(after.parameters)
    .filter((name) => JSON.stringify(before.parameters[name]) !== JSON.stringify(after.parameters[name]))
    .sort()
    .map((name) => ({ name, ...(before.parameters[name] ? { before: before.parameters[name]!.values } : {}), after: after.parameters[name]!.values }));
  const known = new Set(before.packs.map((p) => p.id));
  const packs = after.packs
    .filter((p) => !known.has(p.id))
    .map((p) => ({ id: p.id, file: p.file, title: p.title, rules: p.rules.map((r) => ({ name: r.name, code: r.event.type, kind: r.event.params.kind })) }));
  return { parameters, packs };
}

/** A table cell: pipes and line breaks would end the cell or the row. */
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;
const shown = (v: DatedValue | undefined): string => (v === undefined ? '(none)' : v.value === null ? 'none (not in force)' : String(v.value));

/** A dated series in one cell: each value from its date, with its tag (and for the change, its source, which the reviewer must check). */
const series = (values: readonly DatedValue[] | undefined, withSource: boolean): string =>
  values === undefined ? '(not defined)' : values.map((v) => cell(`from ${v.from}: ${shown(v)} [${v.confidence}]${withSource ? ` (${v.source})` : ''}`)).join('<br>');

export interface MarkdownCase {
  readonly impact: OrderImpact;
  /** The order's own case reference (`id`), where it has one. */
  readonly id?: string;
}

/**
 * The impact of a change as Markdown for a pull request: what changed in the law, the counts, the
 * codes gained and lost, and each order that changes. GitHub-flavoured tables; every cell escaped.
 */
export function renderImpactMarkdown(summary: ImpactSummary, cases: readonly MarkdownCase[], change: LawChange): string {
  const out: string[] = ['## Impact of this change to the law', ''];
  out.push('### What changed', '');
  if (change.parameters.length === 0 && change.packs.length === 0) out.push('Nothing: the parameters and rules are those bundled.', '');
  if (change.parameters.length) {
    // Whole series side by side: an override may restate every date (one value for all dates), so a by-date diff would mislead.
    out.push('| Parameter | Before | After |', '| --- | --- | --- |');
    for (const p of change.parameters) out.push(`| ${code(p.name)}${p.before ? '' : ' (new)'} | ${series(p.before, false)} | ${series(p.after, true)} |`);
    out.push('');
  }
  if (change.packs.length) {
    out.push('| Rule pack | Rule | Code | Kind |', '| --- | --- | --- | --- |');
    for (const p of change.packs) for (const r of p.rules) out.push(`| ${code(p.id)} (${cell(p.file)}) | ${cell(r.name)} | ${code(r.code)} | ${r.kind} |`);
    out.push('');
  }
  out.push('### Cases', '');
  out.push(
    `${summary.orders} orders: **${summary.changedStatus} change status** (${summary.becameNotOk} ok -> not ok, ${summary.becameOk} not ok -> ok), ${summary.changedFindings} with different findings, ${summary.bad} bad input.`,
    '',
  );
  const codes = Object.entries(summary.codes).sort(([a], [b]) => (a < b ? -1 : 1));
  if (codes.length) {
    out.push('| Code | Kind | Orders gaining it | Orders losing it |', '| --- | --- | ---: | ---: |');
    for (const [c, { kind, added, removed }] of codes) out.push(`| ${code(c)} | ${kind} | ${added} | ${removed} |`);
    out.push('');
  }
  if (cases.length) {
    const where = (i: number | undefined) => (i === undefined ? 'order' : requirementLabel(i));
    const list = (items: OrderImpact['added']) => items.map((c) => `${code(c.code)} (${where(c.requirementIndex)})`).join(', ') || '-';
    const status = (ok: boolean) => (ok ? 'ok' : 'not ok');
    out.push('| Order | Before | After | Gains | Loses |', '| --- | --- | --- | --- | --- |');
    for (const { impact, id } of cases) {
      const after = impact.before.ok === impact.after.ok ? status(impact.after.ok) : `**${status(impact.after.ok)}**`;
      out.push(`| line ${impact.line}${id === undefined ? '' : ` (${cell(id)})`} | ${status(impact.before.ok)} | ${after} | ${list(impact.added)} | ${list(impact.removed)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}
