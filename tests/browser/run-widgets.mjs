// Widgets in JupyterLab 4 with ipywidgets 8 (jupyterlab_widgets 3), in headless Chromium, used as a
// person uses them: an interact plot redrawn by dragging its slider, a button whose clicks print
// into an Output, a Play button driving a slider through jslink (a label the kernel updates follows),
// and a callback's error shown in the widget's output. tests/test_browser_widgets.py asserts on the
// report.
//
//   node run-widgets.mjs --base http://127.0.0.1:PORT --token TOKEN --notebook widgets.ipynb --out DIR
//        [--chromium /usr/bin/chromium] [--timeout 120]
//
// Writes DIR/results.json and screenshots. Exit 0: the run went through (verdicts in results.json);
// 2: a step failed (the failure and a screenshot of it are in results.json too).
import { parseArgs, runInBrowser } from './common.mjs';
import { installProbes } from './probes.mjs';
import { JupyterUi, LAB } from './jupyter-ui.mjs';

const args = parseArgs(process.argv.slice(2), { chromium: '/usr/bin/chromium', timeout: '120' },
  ['base', 'token', 'notebook', 'out']);
const timeout = Number(args.timeout) * 1000;

/** The output area of code cell `index`. */
const outputOf = (page, index) => page.locator('.jp-Notebook .jp-CodeCell').nth(index).locator('.jp-Cell-outputWrapper');

/** The src of the first image in a widget output of cell `index` ('' while there is none). */
async function widgetImage(page, index) {
  const img = outputOf(page, index).locator('.widget-output img').first();
  return (await img.count()) ? (await img.getAttribute('src')) ?? '' : '';
}

/** Waits (polling the page, no fixed sleeps) until `probe()` returns something truthy; returns it. */
async function until(page, what, probe, ms = timeout) {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

/** Drags the handle of the slider in `scope` to `fraction` of its track, as a mouse does. */
async function dragSlider(page, scope, fraction) {
  const track = scope.locator('.noUi-target').first();
  const handle = scope.locator('.noUi-handle').first();
  await handle.waitFor();
  const t = await track.boundingBox();
  const h = await handle.boundingBox();
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  const target = t.x + t.width * fraction;
  const steps = 8;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(h.x + h.width / 2 + (target - h.x - h.width / 2) * i / steps, h.y + h.height / 2);
  }
  await page.mouse.up();
}

/** The four widget checks, typed into the open notebook one after the other. */
async function widgetChecks({ page, rec }) {
  const ui = new JupyterUi(page, { base: args.base, token: args.token, flavour: LAB, timeout });
  await ui.open(args.notebook);
  rec.results.kernel_name = await ui.kernelName();
  rec.step('notebook open');

  // 1. interact: the plot is drawn, and drawn again when the slider is dragged
  const plot = await ui.run('var ks = slider(0.1, 5, 1).description("k");\n'
    + 'interact(k -> plot().function("σ(kx)", x -> sigmoid(k * x), -6, 6).title("k = " + k), ks)');
  const scope = outputOf(page, plot.index);
  await scope.locator('.widget-slider').first().waitFor();
  const first = await until(page, 'the first plot inside the widget', () => widgetImage(page, plot.index));
  const readout0 = (await scope.locator('.widget-readout').first().textContent()).trim();
  await rec.shot(page, '01-interact.png', scope);
  const tDrag = Date.now();
  await dragSlider(page, scope, 0.8);
  const second = await until(page, 'a new plot after the drag', async () => {
    const src = await widgetImage(page, plot.index);
    return src && src !== first ? src : null;
  });
  const redrawSeconds = (Date.now() - tDrag) / 1000;
  await ui.waitIdle();
  const readout1 = (await scope.locator('.widget-readout').first().textContent()).trim();
  const last = await widgetImage(page, plot.index);
  await rec.shot(page, '02-interact-dragged.png', scope);
  rec.results.interact = {
    readout_before: readout0, readout_after: readout1, first_png_bytes: first.length, last_png_bytes: last.length,
    image_changed: first !== last && second !== first, redraw_seconds: redrawSeconds,
    images_in_output: await scope.locator('.widget-output img').count(),
    // the result's picture also travels beside the widget, for front ends without widgets: Lab must not show it
    images_in_cell: await scope.locator('img').count(),
    kernel_k: (await ui.run('ks.value()')).text.trim(),
  };
  rec.step('interact', rec.results.interact);

  // 2. a button whose action prints into an Output widget
  const btn = await ui.run('var clicks = new int[1];\nvar out = output();\n'
    + 'var b = button("Count").outputTo(out).onClick(() -> System.out.println("clicked " + (++clicks[0])));\nvbox(b, out)');
  const bScope = outputOf(page, btn.index);
  const button = bScope.locator('button.widget-button', { hasText: 'Count' });
  await button.click();
  await until(page, '"clicked 1" in the output widget', async () => /clicked 1/.test(await bScope.locator('.widget-output').textContent()));
  await button.click();
  await until(page, '"clicked 2" in the output widget', async () => /clicked 2/.test(await bScope.locator('.widget-output').textContent()));
  await ui.waitIdle();
  rec.results.button = {
    output_text: (await bScope.locator('.widget-output').textContent()).trim(),
    kernel_clicks: (await ui.run('clicks[0]')).text.trim(),
  };
  await rec.shot(page, '03-button.png', bScope);
  rec.step('button', rec.results.button);

  // 3. Play -> jslink -> slider; the kernel hears each value and updates a label
  const play = await ui.run('var p = play(0, 5, 1, 150);\nvar s2 = slider(0, 5, 0);\nvar link = jslink(p, s2);\n'
    + 'var at = label("at 0");\ns2.onChange(v -> at.value("at " + v));\nvbox(hbox(p, s2), at)');
  const pScope = outputOf(page, play.index);
  await pScope.locator('.widget-play button').first().click();
  const labelText = await until(page, 'the label to reach "at 5"', async () => {
    const t = (await pScope.locator('.widget-label').last().textContent()).trim();
    return t === 'at 5' ? t : null;
  });
  await ui.waitIdle();
  rec.results.play = {
    label: labelText,
    readout: (await pScope.locator('.widget-readout').first().textContent()).trim(),
    kernel_value: (await ui.run('s2.value()')).text.trim(),
  };
  await rec.shot(page, '04-play.png', pScope);
  rec.step('play', rec.results.play);

  // 4. an error in a callback is shown in the widget's output
  const bad = await ui.run('interact(n -> { if (n > 5) throw new IllegalArgumentException("n must be at most 5, got " + n); return n * n; },\n'
    + '         slider(0, 10, 2).description("n"))');
  const eScope = outputOf(page, bad.index);
  await dragSlider(page, eScope, 0.95);
  const errText = await until(page, 'the error in the widget output', async () => {
    const t = await eScope.locator('.widget-output').textContent();
    return /IllegalArgumentException/.test(t) ? t : null;
  });
  await ui.waitIdle();
  await rec.shot(page, '05-error.png', eScope);
  rec.results.error = { text: errText.trim().slice(0, 600), cell_error_outputs: (await ui.cellOutputs(bad.index)).outputs };
  rec.step('error', { text: rec.results.error.text.slice(0, 120) });
}

process.exit(await runInBrowser({ chromium: args.chromium, out: args.out, fields: { notebook: args.notebook },
  defaultTimeout: timeout, initScript: installProbes }, widgetChecks));
