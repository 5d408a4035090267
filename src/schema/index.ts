export * from './primitives.js';
export * from './requirements.js';
export * from './events.js';
export * from './order.js';
