import { test } from 'vitest';
import { UnpaidWork, Curfew } from '../../src/schema/requirements.js';
import { SentenceSchema } from '../../src/schema/order.js';
test('x', () => { console.log(UnpaidWork.shape.hours.maxValue, UnpaidWork.shape.hours.minValue, Curfew.shape.hoursPerDay.maxValue, Curfew.shape.hoursPerDay.isInt); });
