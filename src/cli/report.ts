import type { Finding, FindingCitation, InputIssue, ValidationResult } from '../index.js';
import { paint, type Paint } from './colour.js';
import { provisionNeedLine } from './provision-need.js';

export interface ReportOptions {
  /** ANSI colours; the CLI turns them on only for a terminal without NO_COLOR. */
  readonly colour?: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const words = (camel: string) => camel.replace(/([A-Z])/g, ' $1').toLowerCase();

export const requirementLabel = (index: number) => `requirements[${index}]`;
/** How the report names a requirement to a person: numbered from 1, as the PSR page does (the JSON's `requirementIndex` counts from 0). */
export const requirementNumber = (index: number) => `Requirement ${index + 1}`;

const kindLabel = (kind: Finding['kind'], p: Paint): string => {
  const label = kind.padEnd(8);
  if (kind === 'invalid' || kind === 'breach') return p.red(label);
  return kind === 'tension' ? p.yellow(label) : p.cyan(label);
};

export function citationText(c: FindingCitation): string {
  return `${c.source}, ${c.provision}${c.url ? ` <${c.url}>` : ''}`;
}

/** One finding in full: code, message, what provision it needs, every citation, and any doubt about its sources. */
function findingBlock(f: Finding, indent: string, p: Paint, withKind = true): string[] {
  const inner = `${indent}  `;
  const lines = [`${indent}${withKind ? `${kindLabel(f.kind, p)} ` : ''}${p.bold(f.code)}`, `${inner}${f.message}`];
  const need = provisionNeedLine(f);
  if (need) lines.push(`${inner}${need}`);
  f.citations.forEach((c, i) => lines.push(p.dim(`${inner}${i === 0 ? 'Cites:' : '      '} ${citationText(c)}`)));
  if (f.confidence !== 'verified') lines.push(p.dim(`${inner}Confidence: ${f.confidence} (not every source behind this rule was read in the primary text)`));
  if (f.remedies) lines.push(...remedyLines(f.remedies, inner, p));
  return lines;
}

/** Remedies under a finding (`check --remedies`): each verified edit with its JSON Patch, advice without one marked so. */
function remedyLines(remedies: NonNullable<Finding['remedies']>, indent: string, p: Paint): string[] {
  if (remedies.length === 0) return [`${indent}${p.bold('Remedies:')} none found that the validator could verify`];
  const lines = [`${indent}${p.bold('Remedies:')}`];
  for (const r of remedies) {
    lines.push(`${indent}  - ${r.description}`);
    if (r.patch) lines.push(p.dim(`${indent}    patch: ${JSON.stringify(r.patch)}`));
    else lines.push(p.dim(`${indent}    (no edit of the order does this)`));
  }
  return lines;
}

function section(title: string, findings: readonly Finding[], p: Paint): string[] {
  if (findings.length === 0) return [`${p.bold(title)}: none`];
  const lines = [`${p.bold(title)} (${findings.length})`];
  for (const f of findings) {
    // A requirement's findings are printed in full under it; here they are only named, so nothing is said twice.
    if (f.requirementIndex !== undefined) lines.push(`  ${f.code}: see ${requirementNumber(f.requirementIndex)} above`);
    else lines.push(...findingBlock(f, '  ', p, false));
  }
  return lines;
}

function verdict(result: ValidationResult, p: Paint): string {
  const invalid = result.requirements.filter((r) => !r.valid).length;
  const weigh = [plural(result.tensions.length, 'tension'), plural(result.advisories.length, 'advisory', 'advisories')].join(', ');
  if (result.ok) return `${p.green(p.bold('OK'))}: lawful as proposed (${weigh} to weigh)`;
  const problems = [result.breaches.length ? plural(result.breaches.length, 'breach', 'breaches') : '', invalid ? plural(invalid, 'invalid requirement') : ''].filter(Boolean);
  return `${p.red(p.bold('NOT OK'))}: ${problems.join(', ')} (and ${weigh})`;
}

/** The human report of one result: verdict, law, each requirement with its findings, then breaches, tensions, advisories. */
export function renderReport(result: ValidationResult, options: ReportOptions = {}): string {
  const p = paint(options.colour ?? false);
  const { regime } = result;
  const lines = [verdict(result, p), `Law: ${regime.title} [${regime.id}], decided by the ${words(regime.decidedBy)} ${regime.date}`, ''];
  lines.push(p.bold(result.requirements.length ? `Requirements (${result.requirements.length})` : 'Requirements: none'));
  for (const r of result.requirements) {
    lines.push(`  ${requirementNumber(r.index)}, ${r.kind}: ${r.valid ? p.green('valid') : p.red('INVALID')}`);
    for (const f of r.findings) lines.push(...findingBlock(f, '    ', p));
  }
  lines.push('', ...section('Breaches', result.breaches, p), '', ...section('Tensions', result.tensions, p), '', ...section('Advisories', result.advisories, p));
  return `${lines.join('\n')}\n`;
}

/** Bad input, one issue per line as `path: message`, the path written as the input's own keys and indexes. */
export function renderIssues(issues: readonly InputIssue[]): string {
  return issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}\n`).join('');
}
