import { test } from 'vitest';
import { findingCodes } from '../../src/rules.js';
test('x', () => { for (const c of findingCodes) console.log(c.kind, c.code, c.pack); });
