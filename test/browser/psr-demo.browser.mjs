#!/usr/bin/env node
// Drives the PSR demo page in headless Chromium: node test/browser/psr-demo.browser.mjs DEMO_DIR
// DEMO_DIR is the page as examples/psr-demo/build.mjs writes it. Serves it on 127.0.0.1 only,
// edits the order as an officer would and checks the findings that appear. Prints
// "browser: N passed, M failed" and exits non-zero on any failure.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(process.argv[2] ?? 'examples/psr-demo/dist');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

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
const page = await browser.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
// The page must need nothing from outside: any request off this server fails the run.
const offsite = [];
page.on('request', (r) => {
  if (!r.url().startsWith(url)) offsite.push(r.url());
});

const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n       ${String(error?.message ?? error).split('\n')[0]}`);
  }
}
const expectEqual = (actual, expected, what) => {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};
const finding = (code) => page.locator(`li.finding[data-code="${code}"]`);
const setOrder = async (change) => {
  const order = JSON.parse(await page.inputValue('#order'));
  change(order);
  await page.fill('#order', JSON.stringify(order, null, 2));
};

try {
  await page.goto(url);
  await page.waitForSelector('#verdict');

  await test('the first example loads as a lawful order with every requirement valid', async () => {
    expectEqual(await page.getAttribute('#verdict', 'data-ok'), 'true', 'verdict');
    expectEqual(await page.locator('li.requirement[data-valid="false"]').count(), 0, 'invalid requirements');
    expectEqual(await page.locator('li.requirement').count(), (JSON.parse(await page.inputValue('#order'))).requirements.length, 'requirements shown');
  });

  await test('lowering the seriousness to low brings a disproportionate intensity breach, with its citation', async () => {
    await page.selectOption('#seriousness', 'low');
    await finding('DRR_INTENSITY_EXCEEDS_SERIOUSNESS').first().waitFor({ timeout: 5000 });
    expectEqual(await page.getAttribute('#verdict', 'data-ok'), 'false', 'verdict');
    const text = await finding('DRR_INTENSITY_EXCEEDS_SERIOUSNESS').first().innerText();
    if (!/Cites: /.test(text)) throw new Error(`no citation in: ${text}`);
    expectEqual(JSON.parse(await page.inputValue('#order')).offences[0].seriousness, 'low', 'the JSON follows the quick edit');
  });

  await test('an offender who is not willing makes the DRR invalid (DRR_NOT_WILLING under the requirement)', async () => {
    await page.selectOption('#seriousness', 'medium');
    await page.uncheck('#willing');
    await page.locator('li.requirement[data-kind="drug-rehabilitation"] li.finding[data-code="DRR_NOT_WILLING"]').waitFor({ timeout: 5000 });
    expectEqual(await page.getAttribute('li.requirement[data-kind="drug-rehabilitation"]', 'data-valid'), 'false', 'DRR validity');
    await page.check('#willing');
    await page.waitForSelector('#verdict[data-ok="true"]', { timeout: 5000 });
  });

  await test('editing the JSON directly re-checks the order: an area without medium intensity provision', async () => {
    await setOrder((o) => (o.provision = { drrIntensities: ['high'], area: 'Northtown' }));
    await finding('INTENSITY_NOT_COMMISSIONED').waitFor({ timeout: 5000 });
    const text = await finding('INTENSITY_NOT_COMMISSIONED').innerText();
    if (!text.includes('To deliver this order the area would need: medium intensity')) throw new Error(`no provision need in: ${text}`);
  });

  await test('bad input names the field by its path; broken JSON says so', async () => {
    await setOrder((o) => (o.offender.omTier = 9));
    await page.waitForSelector('#verdict[data-ok="input"]', { timeout: 5000 });
    const issues = await page.innerText('#issues');
    if (!issues.includes('offender.omTier:')) throw new Error(`issues: ${issues}`);
    await page.fill('#order', '{ "offender": ');
    await page.waitForSelector('#verdict[data-ok="input"]', { timeout: 5000 });
    if (!(await page.innerText('#verdict')).includes('not valid JSON')) throw new Error('no JSON error shown');
  });

  await test('choosing another example shows its findings', async () => {
    await page.selectOption('#example', { label: 'Order too long' });
    await finding('ORDER_TOO_LONG').waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(root, 'screenshot.png'), fullPage: true });
  });

  await test('no script errors and nothing fetched from outside the page', async () => {
    expectEqual(pageErrors.join('; '), '', 'page errors');
    expectEqual(offsite.join(', '), '', 'requests off the page');
  });
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`browser: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
