#!/usr/bin/env node
// Drives the PSR page in headless Chromium: node test/browser/psr-demo.browser.mjs DEMO_DIR [SHOTS_DIR]
// DEMO_DIR is the page as examples/psr-demo/build.mjs writes it; screenshots go to SHOTS_DIR
// (default DEMO_DIR/screenshots). Serves the page on 127.0.0.1 only, fills the form as an officer
// would (by keyboard alone, then by mouse), checks what the library finds, applies remedies, runs
// axe-core (WCAG 2.2 AA) on the empty, lawful and breaching page, and times input to result.
// Prints "browser: N passed, M failed" and exits non-zero on any failure.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const root = resolve(process.argv[2] ?? 'examples/psr-demo/dist');
const shots = resolve(process.argv[3] ?? join(root, 'screenshots'));
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1320, height: 1000 } });
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
// The page must need nothing from outside: any request off this server fails the run.
const offsite = [];
const failedRequests = [];
page.on('request', (r) => {
  if (!r.url().startsWith(url) && !r.url().startsWith('about:')) offsite.push(r.url());
});
page.on('requestfailed', (r) => failedRequests.push(r.url()));
page.on('response', (r) => r.status() >= 400 && failedRequests.push(`${r.status()} ${r.url()}`));

const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n       ${String(error?.message ?? error).split('\n').slice(0, 6).join('\n       ')}`);
  }
}
const expectEqual = (actual, expected, what) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};
const expectMatch = (text, re, what) => {
  if (!re.test(text)) throw new Error(`${what}: ${JSON.stringify(text)} does not match ${re}`);
};
const TIMEOUT = { timeout: 5000 };
const verdict = () => page.getAttribute('#verdict', 'data-verdict');
const waitVerdict = (v) => page.waitForSelector(`#verdict[data-verdict="${v}"]`, TIMEOUT);
const finding = (code, requirement) => page.locator(`.app-finding[data-code="${code}"]${requirement === undefined ? '' : `[data-requirement="${requirement}"]`}`);
const order = async () => JSON.parse(await page.inputValue('#order-json'));
const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until focus is on `id` (or on a radio of group `name`): proves the field is reachable by keyboard, in order. */
async function tabTo(test, max = 400) {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', name: document.activeElement?.getAttribute('name') ?? '' }));
    if (test(here)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${test}`);
}
const tabToId = (id) => tabTo((h) => h.id === id);
async function typeDate(id, d, m, y) {
  await tabToId(`${id}-day`);
  await page.keyboard.type(d);
  await page.keyboard.press('Tab');
  await page.keyboard.type(m);
  await page.keyboard.press('Tab');
  await page.keyboard.type(y);
}
/** A radio group by keyboard: Tab into it, then the arrow keys choose (as they do in every browser). */
async function chooseRadio(name, value) {
  await tabTo((h) => h.name === name);
  for (let i = 0; i < 6; i++) {
    const v = await page.evaluate(() => (document.activeElement.checked ? document.activeElement.value : null));
    if (v === value) return;
    // Tabbing into a group with nothing chosen lands on its first radio without choosing it.
    if (v === null) await page.keyboard.press('Space');
    else await page.keyboard.press('ArrowRight');
  }
  throw new Error(`could not choose ${value} in ${name}`);
}
/** A select by keyboard: arrow down through its options until `value` is chosen. */
async function chooseSelect(id, value) {
  await tabToId(id);
  await page.keyboard.press('Home');
  for (let i = 0; i < 20; i++) {
    if ((await page.inputValue(`#${id}`)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${value} in #${id}`);
}
async function axe(state) {
  const report = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const violations = report.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} on ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  if (violations.length) throw new Error(`axe on the ${state} page: ${violations.join('; ')}`);
}
/** The window as the officer sees it (scrolled to `selector`, the results stay beside it), and the whole page. */
async function shoot(name, selector) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    document.getElementById('results').scrollTop = 0;
  });
  if (selector) await page.locator(selector).first().evaluate((node) => node.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `${name}.png`) });
  await page.screenshot({ path: join(shots, `${name}-full.png`), fullPage: true });
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const figures = {};
try {
  await test('the page loads, from this server alone, with nothing judged yet', async () => {
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', TIMEOUT);
    figures.loadMs = Date.now() - started;
    figures.readyMs = await page.evaluate(() => window.__psr.readyMs);
    figures.marks = await page.evaluate(() => {
      const script = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/main.js'));
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return { scriptLoaded: script?.responseEnd, modules: mark('psr:modules-evaluated'), validator: mark('psr:validator-created') };
    });
    expectEqual(await verdict(), 'incomplete', 'verdict');
    expectEqual(await page.locator('#error-summary').count(), 0, 'no error summary before the officer has done anything');
    const fonts = await page.evaluate(async () => (await document.fonts.ready, [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)));
    if (!fonts.some((f) => /GDS Transport/.test(f))) throw new Error(`the Design System font did not load: ${fonts}`);
  });

  await test('the empty page has no axe violations (WCAG 2.2 AA)', async () => {
    await axe('empty');
    await shoot('empty');
  });

  await test('the form is filled from scratch by keyboard alone and the order is lawful', async () => {
    await page.focus('body');
    await typeDate('f-offender-dateOfBirth', '15', '6', '1975');
    await chooseSelect('f-offender-omTier', '3');
    await chooseRadio('f-offender-need-drugs-dependentOrPropensity', 'true');
    await chooseRadio('f-offender-need-drugs-requiresAndSusceptible', 'true');
    await chooseSelect('f-offender-need-treatmentTier', '3');
    await typeDate('f-offences-0-committedOn', '10', '1', '2006');
    await chooseRadio('f-offences-0-seriousness', 'medium');
    await typeDate('f-convictionDate', '1', '2', '2006');
    await typeDate('f-sentenceDate', '1', '3', '2006');
    await chooseRadio('f-sentence-type', 'community-order');
    await typeDate('f-sentence-endDate', '1', '9', '2007');
    await chooseSelect('add-kind', 'drug-rehabilitation');
    await tabToId('add-requirement');
    await page.keyboard.press('Enter');
    expectEqual(await activeId(), 'f-requirements-0-kind', 'focus after adding a requirement');
    await chooseSelect('f-requirements-0-intensity', 'medium');
    await tabToId('f-requirements-0-months');
    await page.keyboard.type('12');
    await chooseSelect('f-requirements-0-setting', 'non-residential');
    await chooseRadio('f-requirements-0-recommendedByOfficer', 'true');
    await chooseRadio('f-requirements-0-offenderWilling', 'true');
    await chooseSelect('add-kind', 'supervision');
    await tabToId('add-requirement');
    await page.keyboard.press('Enter');
    await waitVerdict('lawful');
    const o = await order();
    expectEqual(o.offender, { dateOfBirth: '1975-06-15', omTier: 3, need: { drugs: { dependentOrPropensity: true, requiresAndSusceptible: true }, treatmentTier: 3 } }, 'the offender as the form wrote it');
    expectEqual(o.requirements.map((r) => r.kind), ['drug-rehabilitation', 'supervision'], 'requirements');
    expectMatch(await page.innerText('#identity'), /born 15 June 1975 · offender management tier 3 · treatment tier 3 · seriousness band medium/, 'the case at a glance');
    expectEqual(o.requirements[0], { kind: 'drug-rehabilitation', intensity: 'medium', months: 12, setting: 'non-residential', recommendedByOfficer: true, offenderWilling: true }, 'the DRR');
  });

  await test('the envelope of the case shows as hint text on the fields', async () => {
    expectMatch(await page.innerText('#f-requirements-0-months-envelope'), /^Lawful here: 6 to 18 months\./, 'DRR months');
    expectMatch(await page.innerText('#f-requirements-0-intensity-envelope'), /Lawful here: up to medium intensity/, 'DRR intensity');
    expectMatch(await page.innerText('#f-sentence-endDate-envelope'), /up to 36 months from the date of sentence, ending no later than 1 March 2009/, 'order length');
    const described = await page.getAttribute('#f-requirements-0-months', 'aria-describedby');
    if (!described?.includes('f-requirements-0-months-envelope')) throw new Error(`the hint is not tied to its field: ${described}`);
  });

  await test('the lawful page has no axe violations', async () => {
    await axe('lawful');
    await shoot('lawful', '#section-requirements');
  });

  await test('a breach appears by mouse: the offence lowered to low seriousness, with its tag, citation and confidence', async () => {
    await page.click('label[for="f-offences-0-seriousness"]');
    await finding('DRR_INTENSITY_EXCEEDS_SERIOUSNESS').first().waitFor(TIMEOUT);
    expectEqual(await verdict(), 'unlawful', 'verdict');
    const card = finding('DRR_INTENSITY_EXCEEDS_SERIOUSNESS').first();
    expectEqual((await card.locator('.govuk-tag').first().innerText()).trim().toLowerCase(), 'breach', 'kind tag');
    if ((await card.locator('.app-citations a[href^="https://www.legislation.gov.uk/"]').count()) === 0) throw new Error('no linked citation');
    expectMatch(await card.locator('.app-confidence').innerText(), /Confidence: (verified|secondary|unverified)/, 'confidence');
    expectMatch(await page.innerText('#f-requirements-0-intensity-error'), /\S/, 'an error message on the intensity field');
    const described = await page.getAttribute('#f-requirements-0-intensity', 'aria-describedby');
    if (!described?.includes('f-requirements-0-intensity-error')) throw new Error(`the error is not tied to its field: ${described}`);
  });

  await test('the error summary links to the field the breach concerns', async () => {
    const link = page.locator('#error-summary a', { hasText: /intensity/i }).first();
    expectEqual(await link.getAttribute('href'), '#f-requirements-0-intensity', 'link target');
    await link.click();
    expectEqual(await activeId(), 'f-requirements-0-intensity', 'focus after following the link');
  });

  await test('opening a finding explains it in the library\'s plain words', async () => {
    const details = finding('DRR_INTENSITY_EXCEEDS_SERIOUSNESS').first().locator('details');
    await details.locator('summary').click();
    // The explanation is worked out after the details open: wait for it rather than read the placeholder.
    const body = details.locator('.govuk-details__text');
    await body.filter({ hasNotText: 'Working it out...' }).waitFor({ timeout: 10_000 });
    const text = await body.innerText();
    expectMatch(text, /The rule fired on requirement 1 \(drug-rehabilitation\), because:/, 'explanation');
    expectMatch(text, /param drr\.maxIntensityRank/, 'the parameter it compared with');
  });

  await test('the breaching page has no axe violations', async () => {
    await axe('breaching');
    await shoot('breaching', '.app-requirement');
  });

  await test('applying the remedy changes the form and the breach goes', async () => {
    const apply = finding('DRR_INTENSITY_EXCEEDS_SERIOUSNESS').first().locator('button[data-remedy]').first();
    await apply.click();
    await waitVerdict('lawful');
    expectEqual(await finding('DRR_INTENSITY_EXCEEDS_SERIOUSNESS').count(), 0, 'the breach is gone');
    expectEqual(await page.inputValue('#f-requirements-0-intensity'), 'low', 'the form shows the change');
    expectEqual(await activeId(), 'change-banner', 'focus moves to the confirmation');
    expectMatch(await page.innerText('#change-banner'), /Change applied: /, 'confirmation');
  });

  await test('at the sentence stage, a DRR with no treatment provider named is invalid; at the proposal stage it is not', async () => {
    const code = 'DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE';
    expectEqual(await finding(code).count(), 0, `${code} at the proposal stage`);
    expectEqual(await finding('DRR_PROVIDER_NOT_SPECIFIED', 0).getAttribute('data-kind'), 'advisory', 'DRR_PROVIDER_NOT_SPECIFIED at the proposal stage');
    await page.click('label[for="f-stage-2"]');
    await finding(code, 0).waitFor(TIMEOUT);
    expectEqual(await finding(code, 0).getAttribute('data-kind'), 'invalid', 'at the sentence stage');
    await page.click('label[for="f-stage"]');
    await waitVerdict('lawful');
  });

  await test('the form is filled from scratch by mouse: unpaid work out of range, and its remedy', async () => {
    await page.click('#clear-form');
    await waitVerdict('incomplete');
    const typeInto = async (selector, text) => {
      await page.click(selector);
      await page.keyboard.type(text);
    };
    const date = async (id, d, m, y) => {
      await typeInto(`#${id}-day`, d);
      await typeInto(`#${id}-month`, m);
      await typeInto(`#${id}-year`, y);
    };
    await date('f-offender-dateOfBirth', '2', '2', '1990');
    await date('f-offences-0-committedOn', '5', '1', '2024');
    await page.click('label[for="f-offences-0-seriousness-3"]');
    await date('f-convictionDate', '1', '3', '2024');
    await date('f-sentenceDate', '1', '4', '2024');
    await page.click('label[for="f-sentence-type"]');
    await date('f-sentence-endDate', '1', '4', '2025');
    await page.selectOption('#add-kind', 'unpaid-work');
    await page.click('#add-requirement');
    await typeInto('#f-requirements-0-hours', '400');
    await finding('UNPAID_WORK_HOURS_OUT_OF_RANGE', 0).waitFor(TIMEOUT);
    expectEqual(await verdict(), 'unlawful', 'verdict');
    expectMatch(await page.innerText('#f-requirements-0-hours-envelope'), /Lawful here: 40 to 300 hours/, 'the envelope on the hours');
    await finding('UNPAID_WORK_HOURS_OUT_OF_RANGE', 0).locator('button[data-remedy]').first().click();
    await finding('UNPAID_WORK_HOURS_OUT_OF_RANGE').waitFor({ state: 'detached', ...TIMEOUT });
    const hours = Number(await page.inputValue('#f-requirements-0-hours'));
    if (!(hours >= 40 && hours <= 300)) throw new Error(`hours after the remedy: ${hours}`);
  });

  await test('a field left empty or wrong says so by its name, in the summary and at the field', async () => {
    await page.fill('#f-requirements-0-hours', 'ten');
    await page.click('#check');
    await page.waitForSelector('#error-summary', TIMEOUT);
    expectEqual(await activeId(), 'error-summary', 'the summary takes focus when the officer asks for the check');
    expectMatch(await page.innerText('#error-summary'), /Hours of unpaid work must be a number/, 'summary');
    expectMatch(await page.innerText('#f-requirements-0-hours-error'), /Hours of unpaid work must be a number/, 'field error');
    await page.click('#error-summary a[href="#f-requirements-0-hours"]');
    expectEqual(await activeId(), 'f-requirements-0-hours', 'the link goes to the field');
  });

  await test('loading an example fills the form, and the JSON behind the details follows it both ways', async () => {
    await page.selectOption('#example', { label: 'Order too long' });
    await page.click('#load-example');
    await finding('ORDER_TOO_LONG').waitFor(TIMEOUT);
    const example = JSON.parse(readFileSync(new URL('../../examples/over-long-order.json', import.meta.url), 'utf8'));
    expectEqual(await order(), example, 'the JSON is the example');
    const [y, m, d] = example.offender.dateOfBirth.split('-');
    expectEqual([await page.inputValue('#f-offender-dateOfBirth-day'), await page.inputValue('#f-offender-dateOfBirth-month'), await page.inputValue('#f-offender-dateOfBirth-year')], [String(Number(d)), String(Number(m)), y], 'date of birth in the form');
    expectEqual(await page.locator('#error-summary a[href="#f-sentence-endDate-day"]').count(), 1, 'the summary links ORDER_TOO_LONG to the end date');
    await page.click('#json-details summary');
    const edited = { ...example, offender: { ...example.offender, omTier: 9 } };
    await page.fill('#order-json', JSON.stringify(edited, null, 2));
    await page.waitForSelector('#group-f-offender-omTier.govuk-form-group--error', TIMEOUT);
    expectMatch(await page.innerText('#f-offender-omTier-error'), /Offender management tier/, 'the bad value is refused at its field');
    await page.fill('#order-json', '{ "offender": ');
    expectMatch(await page.innerText('#order-json-error'), /The JSON is not valid/, 'broken JSON');
    await page.click('#json-details summary');
  });

  await test('every example loads and is judged', async () => {
    const names = await page.locator('#example option').allInnerTexts();
    for (const name of names) {
      await page.selectOption('#example', { label: name });
      await page.click('#load-example');
      const v = await verdict();
      if (v === 'incomplete') throw new Error(`${name}: not judged (${await page.innerText('#error-summary').catch(() => '')})`);
    }
  });

  await test('results follow input within 100 ms (p95), measured from the input event to the result on screen', async () => {
    await page.selectOption('#example', { label: 'Lawful medium intensity DRR' });
    await page.click('#load-example');
    await page.evaluate(() => (window.__psr.inputs.length = 0));
    await page.click('#f-requirements-0-months');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(6 + (i % 20)));
    }
    const inputs = await page.evaluate(() => window.__psr.inputs);
    figures.inputs = inputs.length;
    figures.medianMs = quantile(inputs, 0.5);
    figures.p95Ms = quantile(inputs, 0.95);
    figures.maxMs = Math.max(...inputs);
    if (figures.p95Ms > 100) throw new Error(`p95 ${figures.p95Ms.toFixed(1)} ms`);
  });

  await test('no script errors and nothing fetched from outside the page', async () => {
    expectEqual(pageErrors.join('; '), '', 'page errors');
    expectEqual(offsite.join(', '), '', 'requests off the page');
    expectEqual(failedRequests.join(', '), '', 'failed requests');
  });
} finally {
  await browser.close();
  server.close();
}

const size = (file) => {
  const body = readFileSync(join(root, file));
  return `${(statSync(join(root, file)).size / 1024).toFixed(0)} KiB (${(gzipSync(body).length / 1024).toFixed(0)} KiB gzip)`;
};
const ms = (v) => (typeof v === 'number' ? `${v.toFixed(0)} ms` : '?');
const m = figures.marks ?? {};
console.log(`  page: main.js ${size('main.js')}; loaded in ${ms(figures.loadMs)}: script fetched at ${ms(m.scriptLoaded)}, evaluated by ${ms(m.modules)}, validator made by ${ms(m.validator)}, form and first check done by ${ms(figures.readyMs)} after navigation`);
if (figures.inputs) console.log(`  input to result, ${figures.inputs} inputs: median ${figures.medianMs.toFixed(1)} ms, p95 ${figures.p95Ms.toFixed(1)} ms, max ${figures.maxMs.toFixed(1)} ms`);
console.log(`  screenshots: ${shots}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`browser: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
