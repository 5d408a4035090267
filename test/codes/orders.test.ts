import { UPW, bornYearsBefore, cja, cjaSso, code, dtto, onDates, type Order } from './fixtures.js';
import { describeCodes } from './harness.js';

/** A 2005-law suspended sentence order carrying unpaid work and supervision, with the given term and periods. */
const ssoWith = (custodialTermWeeks: number, operationalPeriodMonths: number, supervisionPeriodMonths?: number) =>
  cjaSso((o) => {
    o.requirements = [UPW(100), { kind: 'supervision' }];
    Object.assign(o.sentence, { custodialTermWeeks, operationalPeriodMonths, supervisionPeriodMonths });
    if (supervisionPeriodMonths === undefined) delete o.sentence.supervisionPeriodMonths;
  });

/** The same suspended sentence moved to later dates (LASPO 2012 or the Code), supervision dropped with the supervision requirement. */
const laterSso = (dates: { offence: string; conviction: string; sentence: string }, custodialTermWeeks: number) => {
  const o = onDates(ssoWith(custodialTermWeeks, 18, 12), dates);
  o.requirements = [UPW(100)];
  return o;
};
const LASPO_DATES = { offence: '2013-01-10', conviction: '2013-02-01', sentence: '2013-03-01' };
const CODE_DATES = { offence: '2023-03-10', conviction: '2023-05-01', sentence: '2023-06-01' };

/** A community order for a 2014 offence (after the punitive element began) with treatment only: DRR and supervision. */
const treatmentOnly2014 = (change: (o: Order) => void = () => {}) =>
  onDates(cja(change), { offence: '2014-01-10', conviction: '2014-02-01', sentence: '2014-03-01' });

// The order as a whole: CJA 2003 ss.177, 189; SA 2020 ss.202, 209, 286; PCC(S)A 2000 s.52; CCA 2013 Sch. 16.
describeCodes('orders as a whole (rules/cja-2003/orders.json)', [
  {
    code: 'OFFENDER_UNDER_18',
    when: 'the offender turned 17 on the conviction date (18 is lawful)',
    kind: 'breach',
    trigger: () => cja((o) => (o.offender.dateOfBirth = bornYearsBefore('2006-02-01', 17))),
    near: () => cja((o) => (o.offender.dateOfBirth = bornYearsBefore('2006-02-01', 18))),
    confidence: 'verified',
    facts: { 'offender.ageAtConviction': 17, 'param.communityOrder.minAge': 18, 'date.conviction': '2006-02-01' },
  },
  {
    code: 'OFFENDER_UNDER_18',
    when: 'a 17-year-old is convicted under the Sentencing Code',
    kind: 'breach',
    trigger: () => code((o) => (o.offender.dateOfBirth = bornYearsBefore('2023-05-01', 17))),
    near: () => code((o) => (o.offender.dateOfBirth = bornYearsBefore('2023-05-01', 18))),
    confidence: 'verified',
    facts: { 'offender.ageAtConviction': 17 },
    cites: /Sentencing Act 2020 s\.202\(1\)\(a\)/,
  },
  {
    code: 'OFFENDER_UNDER_18',
    when: 'a DTTO is proposed for a 15-year-old (the DTTO minimum is 16)',
    kind: 'breach',
    trigger: () => dtto((o) => (o.offender.dateOfBirth = bornYearsBefore('2003-08-01', 15))),
    near: () => dtto((o) => (o.offender.dateOfBirth = bornYearsBefore('2003-08-01', 16))),
    confidence: 'verified',
    facts: { 'offender.ageAtConviction': 15, 'param.dtto.minAge': 16 },
    cites: /Powers of Criminal Courts \(Sentencing\) Act 2000 s\.52\(1\)/,
  },
  {
    code: 'NO_REQUIREMENTS',
    when: 'a community order imposes no requirement',
    kind: 'breach',
    trigger: () => cja((o) => (o.requirements = [])),
    near: () => cja((o) => (o.requirements = [UPW(100)])),
    confidence: 'verified',
    facts: { 'order.requirementCount': 0 },
  },
  {
    code: 'NO_REQUIREMENTS',
    when: 'a suspended sentence order under the 2005 law imposes no requirement (they were compulsory)',
    kind: 'breach',
    trigger: () => cjaSso((o) => (o.requirements = [])),
    near: () => cjaSso(),
    confidence: 'verified',
    facts: { 'order.requirementCount': 0, 'param.sso.requirementsCompulsory': true },
  },
  {
    code: 'ORDER_TOO_LONG',
    when: 'a community order ends three years and a day after sentence',
    kind: 'breach',
    trigger: () => cja((o) => (o.sentence.endDate = '2009-03-02')),
    near: () => cja((o) => (o.sentence.endDate = '2009-03-01')),
    confidence: 'verified',
    facts: { 'order.lengthMonths': 36.5, 'param.communityOrder.maxMonths': 36 },
  },
  {
    code: 'ORDER_TOO_LONG',
    when: 'a Code community order ends three years and a day after sentence',
    kind: 'breach',
    trigger: () => code((o) => (o.sentence.endDate = '2026-06-02')),
    near: () => code((o) => (o.sentence.endDate = '2026-06-01')),
    confidence: 'verified',
    facts: { 'order.lengthMonths': 36.5, 'param.communityOrder.maxMonths': 36 },
    cites: /Sentencing Act 2020 s\.209/,
  },
  {
    code: 'ORDER_TOO_LONG',
    when: 'a suspended sentence order runs two years and a day',
    kind: 'breach',
    trigger: () => cjaSso((o) => Object.assign(o.sentence, { endDate: '2008-03-02', operationalPeriodMonths: 24 })),
    near: () => cjaSso((o) => Object.assign(o.sentence, { endDate: '2008-03-01', operationalPeriodMonths: 24 })),
    confidence: 'verified',
    facts: { 'order.lengthMonths': 24.5, 'param.sso.maxPeriodMonths': 24 },
  },
  {
    code: 'ORDER_TOO_LONG',
    when: 'a DTTO runs three years and a day',
    kind: 'breach',
    trigger: () => dtto((o) => (o.sentence.endDate = '2006-09-02')),
    near: () => dtto((o) => (o.sentence.endDate = '2006-09-01')),
    confidence: 'verified',
    facts: { 'order.lengthMonths': 36.5, 'param.dtto.maxMonths': 36 },
  },
  {
    code: 'DTTO_NOT_AVAILABLE',
    when: 'the offence was committed on 4 April 2005 (replacement by the community order is restated only in secondary sources)',
    kind: 'breach',
    trigger: () => onDates(dtto(), { offence: '2005-04-04', conviction: '2005-06-01', sentence: '2005-07-01' }, 12),
    near: () => onDates(dtto(), { offence: '2005-04-03', conviction: '2005-06-01', sentence: '2005-07-01' }, 12),
    confidence: 'secondary',
    facts: { 'date.offence': '2005-04-04', 'param.dtto.available': false },
  },
  {
    code: 'DTTO_NOT_AVAILABLE',
    when: 'an offence was committed on 29 September 1998, the day before DTTOs began',
    kind: 'breach',
    trigger: () => onDates(dtto(), { offence: '1998-09-29', conviction: '1998-12-01', sentence: '1999-01-04' }, 12),
    near: () => onDates(dtto(), { offence: '1998-09-30', conviction: '1998-12-01', sentence: '1999-01-04' }, 12),
    confidence: 'verified',
    facts: { 'date.earliestOffence': '1998-09-29' },
  },
  {
    code: 'DTTO_NOT_AVAILABLE',
    when: 'a 2004 offence is convicted under the Sentencing Code (the clean sweep: conviction keying unverified)',
    kind: 'breach',
    trigger: () => onDates(dtto(), { offence: '2004-06-01', conviction: '2020-12-01', sentence: '2021-01-04' }, 12),
    near: () => onDates(dtto(), { offence: '2004-06-01', conviction: '2020-11-30', sentence: '2020-12-21' }, 12),
    confidence: 'unverified',
    facts: { 'date.offence': '2004-06-01', 'date.conviction': '2020-12-01', 'param.dtto.available': false },
    cites: /Sentencing Act 2020 s\.2\(1\)/,
  },
  {
    code: 'SSO_TERM_OUT_OF_RANGE',
    when: 'a 27-week term is suspended under the 2005 law (28 to 51 weeks)',
    kind: 'breach',
    trigger: () => ssoWith(27, 18, 12),
    near: () => ssoWith(28, 18, 12),
    confidence: 'verified',
    facts: { 'sso.custodialTermWeeks': 27, 'param.sso.minCustodialWeeks': 28, 'param.sso.maxCustodialWeeks': 51 },
  },
  {
    code: 'SSO_TERM_OUT_OF_RANGE',
    when: 'a 52-week term is suspended under the 2005 law',
    kind: 'breach',
    trigger: () => ssoWith(52, 18, 12),
    near: () => ssoWith(51, 18, 12),
    confidence: 'verified',
    facts: { 'sso.custodialTermWeeks': 52, 'param.sso.maxCustodialWeeks': 51 },
  },
  {
    code: 'SSO_TERM_OUT_OF_RANGE',
    when: 'a 105-week term is suspended after LASPO 2012 (14 days to 2 years)',
    kind: 'breach',
    trigger: () => laterSso(LASPO_DATES, 105),
    near: () => laterSso(LASPO_DATES, 104),
    confidence: 'verified',
    facts: { 'sso.custodialTermWeeks': 105, 'param.sso.maxCustodialWeeks': 104, 'date.sentence': '2013-03-01' },
  },
  {
    code: 'SSO_TERM_OUT_OF_RANGE',
    when: 'a one-week term is suspended under the Sentencing Code (its figures are restated only in secondary sources)',
    kind: 'breach',
    trigger: () => laterSso(CODE_DATES, 1),
    near: () => laterSso(CODE_DATES, 2),
    confidence: 'secondary',
    facts: { 'sso.custodialTermWeeks': 1, 'param.sso.minCustodialWeeks': 2 },
  },
  {
    code: 'SSO_PERIOD_OUT_OF_RANGE',
    when: 'the operational and supervision periods are 5 months (6 months to 2 years)',
    kind: 'breach',
    trigger: () => ssoWith(40, 5, 5),
    near: () => ssoWith(40, 6, 6),
    confidence: 'verified',
    facts: { 'sso.operationalPeriodMonths': 5, 'sso.supervisionPeriodMonths': 5, 'param.sso.minPeriodMonths': 6 },
  },
  {
    code: 'SSO_PERIOD_OUT_OF_RANGE',
    when: 'the operational period is 25 months',
    kind: 'breach',
    trigger: () => ssoWith(40, 25, 12),
    near: () => ssoWith(40, 24, 12),
    confidence: 'verified',
    facts: { 'sso.operationalPeriodMonths': 25, 'param.sso.maxPeriodMonths': 24 },
  },
  {
    code: 'SSO_PERIOD_OUT_OF_RANGE',
    when: 'supervision (13 months) outlasts the operational period (12 months)',
    kind: 'breach',
    trigger: () => ssoWith(40, 12, 13),
    near: () => ssoWith(40, 12, 12),
    confidence: 'verified',
    facts: { 'sso.operationalPeriodMonths': 12, 'sso.supervisionPeriodMonths': 13 },
  },
]);

// CCA 2013 Sch. 16 Part 1 (CJA 2003 s.177(2A)-(2B)); SA 2020 s.208 by the clean sweep.
describeCodes('punitive element (rules/cca-2013/punitive-element.json)', [
  {
    code: 'PUNITIVE_ELEMENT_MISSING',
    when: 'a 2014 offence gets only treatment and supervision (which requirements punish is practice, restated in secondary sources)',
    kind: 'breach',
    trigger: () => treatmentOnly2014(),
    near: () => treatmentOnly2014((o) => o.requirements.push(UPW(40))),
    confidence: 'secondary',
    facts: { 'order.punitiveCount': 0, 'order.fine': false, 'order.punitiveException': false, 'date.offence': '2014-01-10' },
  },
  {
    code: 'PUNITIVE_ELEMENT_MISSING',
    when: 'treatment only, where a fine would meet the element',
    kind: 'breach',
    trigger: () => treatmentOnly2014(),
    near: () => treatmentOnly2014((o) => Object.assign(o.sentence, { fine: true })),
    confidence: 'secondary',
    facts: { 'order.fine': false },
  },
  {
    code: 'PUNITIVE_ELEMENT_MISSING',
    when: 'treatment only, where exceptional circumstances are recorded',
    kind: 'breach',
    trigger: () => treatmentOnly2014(),
    near: () => treatmentOnly2014((o) => Object.assign(o.sentence, { punitiveExceptionReason: 'Terminally ill carer' })),
    confidence: 'secondary',
    facts: { 'order.punitiveException': false },
  },
  {
    code: 'PUNITIVE_ELEMENT_MISSING',
    when: 'a 2012 offence is convicted under the Sentencing Code (the clean sweep reaches it; conviction keying unverified)',
    kind: 'breach',
    trigger: () => onDates(code((o) => o.requirements.pop()), { offence: '2012-06-01', conviction: '2020-12-01', sentence: '2021-01-04' }),
    near: () => onDates(code((o) => o.requirements.pop()), { offence: '2012-06-01', conviction: '2020-11-30', sentence: '2021-01-04' }),
    confidence: 'unverified',
    facts: { 'date.offence': '2012-06-01', 'date.conviction': '2020-12-01' },
    cites: /Sentencing Act 2020 s\.208/,
  },
]);

