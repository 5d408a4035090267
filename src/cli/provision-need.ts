import type { Finding } from '../index.js';

type Facts = Finding['facts'];

const list = (value: Facts[string] | undefined): string => (Array.isArray(value) && value.length ? value.join(', ') : 'none');
const has = (facts: Facts, name: string): boolean => facts[name] !== undefined && facts[name] !== null;

/**
 * What the area would have to commission for a provision finding to go away, read from the facts
 * the finding reports (not its code), so a new rule pack that reports the same facts is covered.
 */
export function provisionNeeds(finding: Finding): string[] {
  const f = finding.facts;
  const needs: string[] = [];
  const intensity = f['requirement.intensity'];
  if (has(f, 'requirement.weeklyHoursMinimum')) {
    const available = has(f, 'requirement.weeklyHoursAvailable') ? `; it provides ${f['requirement.weeklyHoursAvailable']}` : '';
    needs.push(`at least ${f['requirement.weeklyHoursMinimum']} hours a week of ${intensity ?? 'this'} intensity DRR treatment${available}`);
  } else if (intensity !== undefined && 'provision.drrIntensities' in f) {
    needs.push(`${intensity} intensity DRR treatment commissioned (commissioned now: ${list(f['provision.drrIntensities'])})`);
  }
  if (has(f, 'requirement.programme') && 'provision.programmes' in f) {
    needs.push(`the ${f['requirement.programme']} programme run locally or arranged elsewhere (runs now: ${list(f['provision.programmes'])})`);
  }
  return needs;
}

/** The report's line for a finding about provision, or undefined when the finding is about something else. */
export function provisionNeedLine(finding: Finding): string | undefined {
  const needs = provisionNeeds(finding);
  return needs.length ? `To deliver this order the area would need: ${needs.join('; ')}` : undefined;
}
