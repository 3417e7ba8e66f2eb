// Runs the bundled notebooks in JupyterLab 4 (--ui lab) or Notebook 7 (--ui notebook7) with headless
// Chromium and checks what a student would see; tests/test_browser_lab.py asserts on the report.
//
//   node run-lab.mjs --ui lab|notebook7 --base http://127.0.0.1:PORT --token TOKEN \
//        --notebooks 00-tour.ipynb,01-....ipynb --scratch checks.ipynb --out DIR \
//        [--inspect a.ipynb,b.ipynb] [--chromium /usr/bin/chromium] [--timeout 300]
//
// --notebooks are run (Run All); --scratch is where the editing and kernel checks type their cells;
// --inspect notebooks are only opened and looked at as they were saved.
//
// Writes DIR/results.json and screenshots into DIR. Exit 0: the run went through (the verdicts are in
// results.json); 2: a step failed (the failure, and a screenshot of it, are in results.json too).
import { parseArgs, runInBrowser } from './common.mjs';
import { installProbes } from './probes.mjs';
import { JupyterUi, LAB, NOTEBOOK7 } from './jupyter-ui.mjs';
import { labChecks, notebook7Checks } from './checks.mjs';

const args = parseArgs(process.argv.slice(2), { chromium: '/usr/bin/chromium', timeout: '300', inspect: '' },
  ['ui', 'base', 'token', 'notebooks', 'scratch', 'out']);
if (![LAB, NOTEBOOK7].includes(args.ui)) throw new Error(`--ui must be ${LAB} or ${NOTEBOOK7}, not ${args.ui}`);

// Page waits default to a minute; --timeout is for what can take longer (a notebook's Run All).
const session = { chromium: args.chromium, out: args.out, fields: { ui: args.ui, notebooks: {} },
  defaultTimeout: 60000, initScript: installProbes };
process.exit(await runInBrowser(session, async ({ page, rec }) => {
  const ui = new JupyterUi(page, { base: args.base, token: args.token, flavour: args.ui, timeout: Number(args.timeout) * 1000 });
  const checks = args.ui === LAB ? labChecks : notebook7Checks;
  await checks({ ui, page, rec, notebooks: args.notebooks.split(','), scratch: args.scratch,
    inspect: args.inspect.split(',').filter(Boolean) });
}));
