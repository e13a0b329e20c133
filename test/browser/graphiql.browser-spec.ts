import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Route } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe('GraphiQL (served from local assets)', () => {
  let api: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApp({ GRAPHIQL: 'true' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the page on GET /graphql (Accept: text/html) and its scripts', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('/graphiql/graphiql.min.js');
    expect(html).not.toMatch(/https?:\/\//);

    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(
      expect.arrayContaining(['/graphiql/graphiql.min.js', '/graphiql/graphiql.min.css']),
    );
    for (const asset of assets) {
      const response = await fetch(`${api.url}${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      await response.arrayBuffer();
    }
  });

  it('renders offline and runs { __typename } in headless Chromium', async () => {
    const origin = new URL(api.url).origin;
    const blocked: string[] = [];
    const pageErrors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.route('**/*', async (route: Route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) return route.continue();
        blocked.push(url);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));

      await page.goto(`${api.url}/graphql`, { waitUntil: 'load' });
      const queryEditor = page.locator('.graphiql-query-editor .CodeMirror');
      await queryEditor.waitFor({ state: 'visible' });

      // It opens on the runnable example: log in as the demo mentee, then matches.
      const example = await page.locator('.graphiql-query-editor .CodeMirror-line').allInnerTexts();
      expect(example.join('\n')).toContain('query MyMatches');

      await queryEditor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      // insertText: typing key by key would fight CodeMirror's bracket auto-closing and hints.
      await page.keyboard.insertText('{ __typename }');
      // Only the line contents: .CodeMirror-code also holds the gutter's line numbers.
      const lines = await page.locator('.graphiql-query-editor .CodeMirror-line').allInnerTexts();
      expect(lines.join('\n').trim()).toBe('{ __typename }');

      // The example holds two operations, and the execute button offers a menu of them until
      // GraphiQL has re-read the edited document (debounced): wait for the plain button.
      await page.locator('.graphiql-execute-button:not([aria-haspopup])').click();
      const result = page
        .locator('.graphiql-response .CodeMirror-line')
        .filter({ hasText: '"__typename"' });
      await result.waitFor({ state: 'visible' });
      const response = await page.locator('.graphiql-response .CodeMirror-line').allInnerTexts();
      expect(response.join('\n')).toContain('"__typename": "Query"');

      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}graphiql.png`, fullPage: true });

      expect(pageErrors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
