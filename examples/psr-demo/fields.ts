// What the form asks, section by section: each field names the JSON pointer it writes in the order
// (src/schema is the authority on shapes; this only labels them for an officer).
import { pointerOf } from './model.js';

export interface Option {
  readonly value: string;
  readonly text: string;
}
interface Base {
  readonly path: string;
  readonly label: string;
  readonly hint?: string;
}
export type FieldSpec =
  | (Base & { readonly type: 'text'; readonly width?: number })
  | (Base & { readonly type: 'number'; readonly suffix?: string; readonly width?: number })
  | (Base & { readonly type: 'date' })
  | (Base & { readonly type: 'select'; readonly options: readonly Option[]; readonly numeric?: boolean; readonly empty: string })
  | (Base & { readonly type: 'radios'; readonly options: readonly Option[] })
  | (Base & { readonly type: 'checkboxes'; readonly options: readonly Option[]; readonly none: Option })
  | (Base & { readonly type: 'lines' });

export interface Section {
  readonly id: string;
  readonly legend: string;
  readonly hint?: string;
  readonly fields: readonly FieldSpec[];
}

const NOT_RECORDED: Option = { value: '', text: 'Not recorded' };
/** An optional yes/no: "Not recorded" leaves the key out, so the library does not take silence for "no". */
const tri = (path: string, label: string, hint?: string): FieldSpec => ({ type: 'radios', path, label, hint, options: [{ value: 'true', text: 'Yes' }, { value: 'false', text: 'No' }, NOT_RECORDED] });
const yesNo = (path: string, label: string, hint?: string): FieldSpec => ({ type: 'radios', path, label, hint, options: [{ value: 'true', text: 'Yes' }, { value: 'false', text: 'No' }] });
const num = (path: string, label: string, suffix?: string, hint?: string): FieldSpec => ({ type: 'number', path, label, suffix, hint });
const text = (path: string, label: string, hint?: string): FieldSpec => ({ type: 'text', path, label, hint });

export const INTENSITIES: readonly Option[] = ['low', 'medium', 'high'].map((v) => ({ value: v, text: v[0]!.toUpperCase() + v.slice(1) }));

export const KINDS: readonly Option[] = [
  ['drug-rehabilitation', 'Drug rehabilitation (DRR)'],
  ['alcohol-treatment', 'Alcohol treatment (ATR)'],
  ['supervision', 'Supervision'],
  ['unpaid-work', 'Unpaid work'],
  ['activity', 'Activity'],
  ['programme', 'Accredited programme'],
  ['curfew', 'Curfew'],
  ['exclusion', 'Exclusion'],
  ['residence', 'Residence'],
  ['mental-health-treatment', 'Mental health treatment'],
  ['prohibited-activity', 'Prohibited activity'],
  ['attendance-centre', 'Attendance centre'],
  ['rehabilitation-activity', 'Rehabilitation activity (RAR)'],
  ['alcohol-abstinence-monitoring', 'Alcohol abstinence and monitoring'],
  ['foreign-travel-prohibition', 'Foreign travel prohibition'],
  ['drug-testing', 'Drug testing'],
].map(([value, text]) => ({ value: value!, text: text! }));
export const kindName = (kind: string): string => KINDS.find((k) => k.value === kind)?.text ?? kind;

export const STAGES: readonly Option[] = [
  { value: 'proposal', text: 'Proposal: a pre-sentence report being drafted' },
  { value: 'sentence', text: 'Sentence: the order the court is about to make' },
];

export const SENTENCE_TYPES: readonly Option[] = [
  { value: 'community-order', text: 'Community order' },
  { value: 'suspended-sentence-order', text: 'Suspended sentence order' },
  { value: 'dtto', text: 'Drug treatment and testing order (DTTO)' },
];

export function caseSections(): Section[] {
  return [
    {
      id: 'offender',
      legend: 'The offender',
      fields: [
        text('/id', 'Case reference (optional)', 'For example, a CRN. It is shown with the result and never judged.'),
        { type: 'date', path: '/offender/dateOfBirth', label: 'Date of birth', hint: 'For example, 15 6 1975' },
        {
          type: 'select',
          path: '/offender/omTier',
          label: 'Offender management tier',
          hint: 'The NOMS offender management model (PC65/2005). This is not the treatment tier.',
          numeric: true,
          empty: 'Not recorded',
          options: [
            { value: '1', text: 'Tier 1: punish' },
            { value: '2', text: 'Tier 2: help' },
            { value: '3', text: 'Tier 3: change' },
            { value: '4', text: 'Tier 4: control' },
          ],
        },
      ],
    },
    {
      id: 'assessment',
      legend: 'Assessment',
      fields: [
        num('/offender/assessment/oasys/drugMisuse', 'OASys drug misuse score (section 8)'),
        num('/offender/assessment/oasys/alcoholMisuse', 'OASys alcohol misuse score (section 9)'),
        num('/offender/assessment/ogrsPercent', 'OGRS score', 'per cent'),
        {
          type: 'select',
          path: '/offender/assessment/rosh',
          label: 'Risk of serious harm (RoSH)',
          empty: 'Not recorded',
          options: [
            { value: 'low', text: 'Low' },
            { value: 'medium', text: 'Medium' },
            { value: 'high', text: 'High' },
            { value: 'very-high', text: 'Very high' },
          ],
        },
        tri('/offender/assessment/ppo', 'Prolific and other priority offender (PPO)'),
      ],
    },
    {
      id: 'need',
      legend: 'Treatment need',
      hint: 'What the drug or alcohol assessment found. The treatment tier is the NTA Models of Care tier, kept apart from the offender management tier.',
      fields: [
        tri('/offender/need/drugs/dependentOrPropensity', 'Dependent on drugs or has a propensity to misuse them'),
        tri('/offender/need/drugs/requiresAndSusceptible', 'Drug misuse requires, and may be susceptible to, treatment'),
        tri('/offender/need/alcohol/dependent', 'Dependent on alcohol'),
        tri('/offender/need/alcohol/requiresAndSusceptible', 'Alcohol dependency requires, and may be susceptible to, treatment'),
        {
          type: 'select',
          path: '/offender/need/treatmentTier',
          label: 'Treatment tier (NTA Models of Care)',
          numeric: true,
          empty: 'Not assessed',
          options: [1, 2, 3, 4].map((n) => ({ value: String(n), text: `Treatment tier ${n}` })),
        },
      ],
    },
  ];
}

export function offenceSection(i: number): Section {
  const at = (...t: string[]) => pointerOf('offences', i, ...t);
  return {
    id: `offence-${i}`,
    legend: `Offence ${i + 1}`,
    fields: [
      text(at('description'), 'Description (optional)'),
      { type: 'date', path: at('committedOn'), label: 'Date committed', hint: 'For example, 10 1 2006' },
      {
        type: 'radios',
        path: at('seriousness'),
        label: 'Seriousness',
        hint: 'The community sentence band, or custody if the custody threshold is passed.',
        options: [
          { value: 'low', text: 'Low' },
          { value: 'medium', text: 'Medium' },
          { value: 'high', text: 'High' },
          { value: 'custody', text: 'Custody threshold passed' },
        ],
      },
      tri(at('imprisonable'), 'Imprisonable'),
      tri(at('triggerOffence'), 'Trigger offence for drug testing'),
    ],
  };
}

export function courtSection(): Section {
  return {
    id: 'court',
    legend: 'Conviction and sentence dates',
    fields: [
      { type: 'date', path: '/convictionDate', label: 'Date of conviction' },
      { type: 'date', path: '/sentenceDate', label: 'Date of sentence' },
    ],
  };
}

export function sentenceSection(type: unknown): Section {
  const fields: FieldSpec[] = [
    { type: 'radios', path: '/sentence/type', label: 'Type of sentence', options: SENTENCE_TYPES },
    { type: 'date', path: '/sentence/endDate', label: 'The order ends on' },
  ];
  if (type === 'community-order') fields.push(tri('/sentence/fine', 'A fine is imposed with the order'), text('/sentence/punitiveExceptionReason', 'Exceptional circumstances that make a punitive element unjust (optional)'));
  if (type === 'suspended-sentence-order')
    fields.push(num('/sentence/custodialTermWeeks', 'Custodial term', 'weeks'), num('/sentence/operationalPeriodMonths', 'Operational period', 'months'), num('/sentence/supervisionPeriodMonths', 'Supervision period (optional)', 'months'));
  return { id: 'sentence', legend: 'The proposed sentence', fields };
}

/** The fields each kind of requirement has (src/schema/requirements.ts). */
export function requirementFields(i: number, kind: unknown): FieldSpec[] {
  const at = (...t: string[]) => pointerOf('requirements', i, ...t);
  const em = [yesNo(at('electronicMonitoring'), 'Electronically monitored'), text(at('emExceptionReason'), 'Why it is not electronically monitored (optional)')];
  switch (kind) {
    case 'unpaid-work':
      return [num(at('hours'), 'Hours of unpaid work', 'hours')];
    case 'activity':
      return [num(at('days'), 'Days of activity', 'days')];
    case 'programme':
      return [text(at('programme'), 'Programme', 'For example, ASRO or Think First'), num(at('days'), 'Days (optional)', 'days'), tri(at('recommendedByOfficer'), 'Recommended by the probation officer')];
    case 'prohibited-activity':
      return [text(at('description'), 'What is prohibited (optional)')];
    case 'curfew':
      return [num(at('hoursPerDay'), 'Hours a day', 'hours'), num(at('months'), 'Length', 'months'), ...em];
    case 'exclusion':
      return [num(at('months'), 'Length', 'months'), ...em];
    case 'residence':
      return [tri(at('hostel'), 'In a hostel'), tri(at('recommendedByOfficer'), 'Recommended by the probation officer')];
    case 'mental-health-treatment':
      return [
        {
          type: 'select',
          path: at('treatment'),
          label: 'Treatment',
          empty: 'Not recorded',
          options: [
            { value: 'resident', text: 'Resident patient' },
            { value: 'non-resident', text: 'Non-resident patient' },
            { value: 'practitioner', text: 'By a registered practitioner' },
          ],
        },
        tri(at('offenderWilling'), 'The offender is willing to comply'),
      ];
    case 'drug-rehabilitation':
      return [
        { type: 'select', path: at('intensity'), label: 'Treatment intensity', empty: 'Select an intensity', options: INTENSITIES },
        num(at('months'), 'Length of the treatment and testing period', 'months'),
        {
          type: 'select',
          path: at('setting'),
          label: 'Setting',
          empty: 'Select a setting',
          options: [
            { value: 'non-residential', text: 'Non-residential' },
            { value: 'residential', text: 'Residential' },
          ],
        },
        text(at('provider', 'name'), 'Treatment provider (optional at the proposal stage)'),
        tri(at('provider', 'registered'), 'The provider is registered'),
        text(at('provider', 'area'), "Provider's area (optional)"),
        num(at('testsPerWeek'), 'Drug tests a week (optional)', 'a week'),
        num(at('reviewIntervalWeeks'), 'Review every (weeks)', 'weeks', 'Give the review interval in weeks or in months, not both. Leave both empty for no review provision.'),
        num(at('reviewIntervalMonths'), 'Review every (months)', 'months'),
        yesNo(at('recommendedByOfficer'), 'Recommended by the probation officer'),
        yesNo(at('offenderWilling'), 'The offender is willing to comply'),
      ];
    case 'alcohol-treatment':
      return [
        num(at('months'), 'Length', 'months'),
        {
          type: 'select',
          path: at('setting'),
          label: 'Setting',
          empty: 'Select a setting',
          options: [
            { value: 'practitioner-based', text: 'By or under a qualified practitioner' },
            { value: 'institution-based', text: 'Non-resident, at an institution' },
            { value: 'residential', text: 'Residential' },
          ],
        },
        text(at('director', 'name'), 'Treatment director (optional at the proposal stage)'),
        tri(at('director', 'qualified'), 'The director is qualified'),
        yesNo(at('offenderWilling'), 'The offender is willing to comply'),
      ];
    case 'attendance-centre':
      return [num(at('hours'), 'Hours at the attendance centre', 'hours')];
    case 'rehabilitation-activity':
      return [num(at('maxDays'), 'Most days of activity', 'days')];
    case 'alcohol-abstinence-monitoring':
      return [num(at('days'), 'Days of abstinence and monitoring', 'days')];
    case 'foreign-travel-prohibition':
      return [num(at('months'), 'Length', 'months')];
    default:
      return [];
  }
}

export function provisionSection(): Section {
  return {
    id: 'provision',
    legend: "The area's provision",
    hint: 'What the area has commissioned. Leave a question unanswered if it is not known.',
    fields: [
      text('/provision/area', 'Area (optional)'),
      {
        type: 'checkboxes',
        path: '/provision/drrIntensities',
        label: 'DRR intensities commissioned',
        hint: 'Leave all unticked if not known.',
        options: INTENSITIES,
        none: { value: 'none', text: 'None commissioned' },
      },
      num('/provision/drrWeeklyHours/low', 'Low intensity DRR treatment the area can deliver', 'hours a week'),
      num('/provision/drrWeeklyHours/medium', 'Medium intensity DRR treatment the area can deliver', 'hours a week'),
      num('/provision/drrWeeklyHours/high', 'High intensity DRR treatment the area can deliver', 'hours a week'),
      tri('/provision/atrQualifiedProvider', 'A qualified ATR provider in the area'),
      { type: 'lines', path: '/provision/programmes', label: 'Accredited programmes run in the area', hint: 'One a line.' },
    ],
  };
}
