/// <reference lib="dom" />
// Code passed to page.evaluate runs in the page, so these files see the DOM types too.
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

export interface OpenedReport {
  page: Page;
  url: string;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request the page made, the report file included. */
  requests: string[];
  dialogs: string[];
}

/**
 * Opens a report file with traps set before any page script runs: every request is recorded and
 * anything but the file itself is aborted, dialogs are recorded and dismissed, and `window.__pwned`
 * and CSP violations are recorded for the hostile-name tests.
 */
export async function openReport(context: BrowserContext, file: string, hash = ''): Promise<OpenedReport> {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const opened: OpenedReport = { page, url, errors: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => (route.request().url().split('#')[0] === url ? route.continue() : route.abort()));
  await page.addInitScript(() => {
    const hits: unknown[] = [];
    const violations: string[] = [];
    Object.defineProperty(window, '__pwnedHits', { value: hits });
    Object.defineProperty(window, '__violations', { value: violations });
    Object.defineProperty(window, '__pwned', { set: (value) => hits.push(value), get: () => undefined });
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(url + hash);
  await page.waitForSelector('body[data-ready="true"]');
  return opened;
}

/** Non-background pixels in a PNG screenshot, counted by decoding it in a blank page's 2D canvas. */
export async function countInkPixels(page: Page, png: Buffer, background: [number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ data, background }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const distance = Math.abs(pixels[i]! - background[0]) + Math.abs(pixels[i + 1]! - background[1]) + Math.abs(pixels[i + 2]! - background[2]);
        if (distance > 40) ink++;
      }
      return ink;
    },
    { data: png.toString('base64'), background },
  );
}
