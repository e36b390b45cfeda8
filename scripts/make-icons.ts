/** Renders public/icon.svg to the PNG sizes the manifest needs, with the same Chromium the tests use. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, ROOT } from './browser';

const svg = await readFile(join(ROOT, 'public', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: join(ROOT, 'public', 'icon', `${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons written to public/icon/');
