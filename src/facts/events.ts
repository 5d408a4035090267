/** The event facts of an order in progress: one module per timescale under ./events/. */
export { deriveEventFacts, eventFactOrigins, EVENT_FACTS } from './events/index.js';
