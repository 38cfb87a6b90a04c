// The README's picture of the studio (docs/images/studio.png): `policy studio` over a copy of
// 安义, examples/one-claim.json settled, taken in Debian's chromium by playwright-core.
// Run: node scripts/build.mjs && tsx scripts/screenshot-studio.ts [out.png]
// (Chinese needs a CJK font on the machine, e.g. apt-get install fonts-wqy-microhei.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_FLAGS, CHROMIUM, ROOT, removeFolder, startCli, workFolder } from '../packages/studio/test/studio-fixture.js';

const out = process.argv[2] ?? join(ROOT, 'docs/images/studio.png');
const dir = workFolder();
const studio = await startCli(dir, ['policies']);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 880 }, deviceScaleFactor: 1 });
  await page.goto(studio.url);
  await page.waitForSelector('body[data-ready=true]');
  await page.fill('[data-testid=claim-json]', readFileSync(join(dir, 'examples/one-claim.json'), 'utf8'));
  await page.click('[data-testid=settle]');
  await page.waitForSelector('[data-testid=layers] tr[data-layer=basic]');
  await page.waitForSelector('.bar svg');
  await page.screenshot({ path: out });
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
  await studio.stop();
  removeFolder(dir);
}
