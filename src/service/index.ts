/** The HTTP service (`proportionate serve`). Loaded only by the CLI, on demand: importing 'proportionate' never loads fastify. */
export { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_REQUEST_TIMEOUT_MS, type ServiceOptions } from './app.js';
export { problem, problemType, type Problem } from './problem.js';
