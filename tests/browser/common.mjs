// What every browser script here shares: its command line, Debian's Chromium started headless with the
// flags this closed network needs, a record of steps and screenshots that ends up in results.json, and
// the frame of a run (browser up, checks, report saved, browser down) in runInBrowser.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Without the background-networking flags Chromium keeps trying Google's hosts, and this machine's
// closed network refuses those connections many at a time.
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** `--name value` pairs into an object; `required` names must be present. */
export function parseArgs(argv, defaults, required) {
  const a = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got ${argv.slice(i).join(' ')}`);
    }
    a[argv[i].slice(2)] = argv[i + 1];
  }
  for (const k of required) {
    if (!a[k]) throw new Error(`--${k} is required`);
  }
  return a;
}

/** Chromium in a fresh profile; `close()` ends it and removes the profile. */
export async function launchChromium(executablePath, { width = 1280, height = 900 } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'javadl-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width, height },
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    version: context.browser()?.version() ?? null,
    async close() {
      try { await context.close(); } catch (e) { /* already gone */ }
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Steps, page errors and screenshots of one run, written to OUT/results.json by `save()`. */
export class Recorder {
  constructor(out, fields = {}) {
    this.out = out;
    mkdirSync(out, { recursive: true });
    this.results = { steps: [], console_errors: [], page_errors: [], screenshots: [], ...fields };
  }

  log(...m) {
    console.log(`[browser ${new Date().toISOString().slice(11, 19)}]`, ...m);
  }

  step(name, extra = {}) {
    this.results.steps.push({ name, t: Date.now(), ...extra });
    this.log(name, Object.keys(extra).length ? JSON.stringify(extra) : '');
  }

  watch(page) {
    page.on('console', (m) => { if (m.type() === 'error') this.results.console_errors.push(m.text().slice(0, 500)); });
    page.on('pageerror', (e) => this.results.page_errors.push(String(e.stack || e).slice(0, 2000)));
    this.results.http_errors = [];
    page.on('response', (r) => {
      if (r.status() >= 400) this.results.http_errors.push(`${r.status()} ${r.request().method()} ${r.url().replace(/token=\w+/, 'token=…').slice(0, 300)}`);
    });
  }

  /** A screenshot of the page (or of `locator` when given) saved as OUT/name. */
  async shot(page, name, locator = null) {
    const path = join(this.out, name);
    if (locator) await locator.screenshot({ path });
    else await page.screenshot({ path });
    this.results.screenshots.push(name);
    return name;
  }

  fail(error) {
    this.results.ok = false;
    this.results.failure = String((error && error.stack) || error);
    this.log('FAILED', this.results.failure);
  }

  save() {
    writeFileSync(join(this.out, 'results.json'), JSON.stringify(this.results, null, 2));
  }
}

/**
 * One run of a browser script: a Recorder on `out` (results.json starts with `fields`), Chromium with
 * its page watched for errors, `defaultTimeout` ms for every page wait, and `initScript` added to each
 * page before the page's own scripts; then `body({ page, context, rec })`. Whatever happens, the report
 * is saved (with `ok` and `seconds`, or the failure and a screenshot of the page at that moment) and the
 * browser closed. Resolves to the script's exit code: 0 when the body went through (its verdicts are in
 * results.json), 2 when it threw.
 */
export async function runInBrowser({ chromium, out, fields = {}, defaultTimeout, initScript = null }, body) {
  const rec = new Recorder(out, fields);
  const browser = await launchChromium(chromium);
  rec.results.browser_version = browser.version;
  const { page, context } = browser;
  rec.watch(page);
  page.setDefaultTimeout(defaultTimeout);
  if (initScript) await context.addInitScript(initScript);
  try {
    const t0 = Date.now();
    await body({ page, context, rec });
    rec.results.seconds = (Date.now() - t0) / 1000;
    rec.results.ok = true;
  } catch (e) {
    rec.fail(e);
    try { await rec.shot(page, '99-failure.png'); } catch (e2) { /* the page is gone */ }
  } finally {
    rec.save();
    await browser.close();
  }
  return rec.results.ok ? 0 : 2;
}
