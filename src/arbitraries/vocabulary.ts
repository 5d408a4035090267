/**
 * Plausible free text for generated orders. Names only need to read naturally in a counterexample;
 * none is a claim about a real service. The first of each list is what shrinking lands on.
 */
export const PROVIDERS = ['Community Drug Team', 'Drug Intervention Service', 'Recovery Partnership', 'Residential Rehabilitation Unit'] as const;
export const PROGRAMMES = ['ASRO', 'OSAP', 'PRISM', 'Building Skills for Recovery'] as const;
export const AREAS = ['Avon and Somerset', 'Cumbria', 'London', 'Merseyside', 'West Yorkshire'] as const;
export const DIRECTORS = ['Dr A. Khan', 'Dr B. Okafor', 'Dr C. Evans'] as const;
/** The three reasons CJA 2003 s.177(3) allows for not imposing electronic monitoring. */
export const EM_EXCEPTIONS = ['The offender does not consent', 'No monitoring arrangements in the area', 'Monitoring would be inappropriate'] as const;
export const PROHIBITED_ACTIVITIES = ['Entering licensed premises', 'Contacting the victim', 'Attending football matches'] as const;
export const OFFENCES = ['Shop theft', 'Burglary', 'Possession of a class A drug', 'Assault', 'Criminal damage'] as const;
export const PUNITIVE_EXCEPTIONS = ['Exceptional circumstances: serious illness of the offender'] as const;

export const nth = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
