/** Caseload inspection: the 2006 inspection's measures over the validator's results (docs/inspect.md). */
export { caseFactsReader, type CaseFacts, type CaseFactsOptions } from './case-facts.js';
export { Inspector, DEFAULT_GROUP_BY, type InspectorOptions } from './inspector.js';
export { MEASURES, INTENSITY_TABLE, type Measure } from './measures.js';
export { TIMESCALES, timescaleOutcomes, type TimescaleOutcome, type TimescaleStatus } from './timescales.js';
export { InspectionTally, histogramMedian } from './tally.js';
export { buildReport, type InspectionReport, type MeasureReport, type TimescaleReport, type Rate } from './report.js';
export { renderMarkdown, measuresTable } from './render-markdown.js';
