import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, or CHROME_PATH; playwright never downloads a browser here. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROME_PATH);
/** Without Chromium the browser tests are skipped on a developer machine, never in CI. */
export const SKIP_BROWSER_TESTS = !HAS_CHROMIUM && !process.env.CI;

if (SKIP_BROWSER_TESTS) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROME_PATH} (install Debian's chromium or set CHROME_PATH).`);
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL for sigma.js without a GPU: software rendering through SwiftShader.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile that is removed on close. */
export async function launchChromium(): Promise<ChromiumSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
