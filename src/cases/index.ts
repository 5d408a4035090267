/** Case files: load (YAML or JSON, `extends` + RFC 6902 `patch`), run, compare. Node only (reads files). */
export { loadCases, caseFilesUnder, readDataFile, CaseFileError, type LoadedCase, type LoadOptions, type ResolvedOptions } from './load.js';
export { runCases, failureLine, summaryLine, type CaseOutcome, type RunCasesOptions } from './run.js';
export { compareExpectation, findingsOf } from './compare.js';
export { applyPatch, parsePointer, toPointer, jsonEqual, JsonPatchError, type JsonPatchOperation } from './json-patch.js';
export { CaseDefinition, Expectation, CaseOptions } from './schema.js';
