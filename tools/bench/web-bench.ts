/**
 * `npm run bench:web`: what a person waits for when opening the web
 * application, beside a blank Vite page built and served the same way in the
 * same run (the floor of the toolchain and of this machine).
 *
 *  1. Initial JavaScript: the scripts and module preloads the built
 *     index.html references, each gzip-compressed (node:zlib), summed.
 *  2. Largest Contentful Paint in Debian's Chromium, the median of `--loads`
 *     loads each, every load in a new browser context: the application's
 *     address served by the one origin (tools/dev/gateway.ts) with the five
 *     services up as processes, cold (no cache, no cookie: the login page);
 *     the signed-in home, a fresh navigation to `/` right after signing in
 *     through the login page in that context (its files cached, the session
 *     cookie set); beside the blank page served cold by the same static
 *     server.
 *
 * Both pages are built here with Vite's API (the application with its own
 * configuration into apps/web/dist, the blank page into a temporary folder),
 * so the figures are of the code as it is now.
 *
 * Usage: node dist/tools/bench/web-bench.js [--loads 5]
 * Environment: CHROMIUM_PATH (/usr/bin/chromium), BENCH_KAFKA_BROKERS (127.0.0.1:29692), BENCH_DATABASE_SERVER,
 * BENCH_DATABASE_SUFFIX (_bench), BENCH_PORT_BASE (3100).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { adminToken, type Credentials, createTestMember, createTestNetwork, launchBrowser, openContext, repositoryRoot } from '@passerelle/testing';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { build } from 'vite';
import { publicRoutes } from '../deploy/public-routes';
import { type Gateway, startGateway } from '../dev/gateway';
import { type BenchStack, numberFlag, SERVICES, say, withStack } from './bench-stack';
import { distribution, f, table, verdict } from './figures';

const TARGET = { initialJsKb: 200, lcpMs: 1_500 };
/** Past this, a page that painted nothing contentful counts as not measured. */
const LCP_WAIT_MS = 10_000;

/** The blank page: Vite's minimal project, with a heading so that there is a contentful paint and a heading to time. */
const BLANK_INDEX = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Blank</title>
  </head>
  <body>
    <h1>Passerelle</h1>
    <script type="module" src="/main.ts"></script>
  </body>
</html>
`;

interface Asset {
  readonly path: string;
  readonly bytes: number;
  readonly gzipped: number;
}

/** The JavaScript the entry page loads before anything else: its module scripts and module preloads. */
function initialScripts(indexHtml: string): string[] {
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  const scripts = [...indexHtml.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => attribute(tag, 'src'));
  const preloads = [...indexHtml.matchAll(/<link\b[^>]*>/gi)]
    .filter(([tag]) => attribute(tag, 'rel')?.toLowerCase() === 'modulepreload')
    .map(([tag]) => attribute(tag, 'href'));
  return [...new Set([...scripts, ...preloads].filter((path): path is string => path !== undefined))];
}

function initialJavaScript(distDir: string): Asset[] {
  return initialScripts(readFileSync(join(distDir, 'index.html'), 'utf8')).map((path) => {
    const body = readFileSync(join(distDir, path.replace(/^\//, '')));
    return { path, bytes: body.length, gzipped: gzipSync(body).length };
  });
}

const kb = (bytes: number) => bytes / 1024;
const sum = (assets: readonly Asset[], key: 'bytes' | 'gzipped') => assets.reduce((total, asset) => total + asset[key], 0);

interface Paint {
  readonly ms: number;
  /** The element the browser judged largest, e.g. `h1 "Connexion"`. */
  readonly element: string;
}

/**
 * The page's Largest Contentful Paint so far. Called once what the page is
 * for is on screen; the buffered observer then hands over every candidate
 * the browser recorded, the last being the largest.
 */
function largestContentfulPaint(page: Page): Promise<Paint | null> {
  return page.evaluate(
    `new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), ${LCP_WAIT_MS});
      new PerformanceObserver((list) => {
        const last = list.getEntries().at(-1);
        clearTimeout(timer);
        const text = (last.element?.textContent ?? '').trim().slice(0, 30);
        resolve({ ms: last.startTime, element: last.element ? last.element.tagName.toLowerCase() + (text ? ' "' + text + '"' : '') : '(removed)' });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    })`,
  );
}

/** Two frames after `ready` is visible: what it painted has been presented, and its paint recorded. */
async function afterPaint(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/**
 * Installed before the page's own scripts: when the first h1 enters the
 * document. A page's largest paint may be its frame (the header) while its
 * content is still on its way; the heading says when the content is there.
 */
const HEADING_CLOCK = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('h1')) return;
    window.__headingAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

interface PaintSeries {
  readonly name: string;
  readonly ms: number[];
  readonly headingMs: number[];
  readonly elements: Set<string>;
}

interface Measured {
  readonly name: string;
  readonly url: string;
  /** What the page shows once it has done its job (its main heading, say). */
  ready(page: Page): Promise<void>;
  /** Done in the same context before the measured navigation (signing in). */
  before?(page: Page): Promise<void>;
}

/** `loads` loads of the page, each in a new context (no cache, no cookies but what `before` leaves) at a desk's width in French. */
async function measureLcp(browser: Browser, loads: number, { name, url, ready, before }: Measured): Promise<PaintSeries> {
  const series: PaintSeries = { name, ms: [], headingMs: [], elements: new Set() };
  say(`\n${name}: ${loads} loads of ${url}${before ? ', each in a context that has just signed in' : ', each cold'}`);
  for (let load = 1; load <= loads; load += 1) {
    const context = await openContext(browser, { viewport: 'desk', locale: 'fr-FR' });
    await context.addInitScript(HEADING_CLOCK);
    try {
      const page = await context.newPage();
      await before?.(page);
      await page.goto(url, { waitUntil: 'load' });
      await ready(page);
      await afterPaint(page);
      const paint = await largestContentfulPaint(page);
      if (!paint) throw new Error(`${name}: no contentful paint within ${LCP_WAIT_MS / 1000} s of the page being ready`);
      const headingMs = Number(await page.evaluate('window.__headingAt'));
      series.ms.push(paint.ms);
      series.headingMs.push(headingMs);
      series.elements.add(paint.element);
      say(`  load ${load}: LCP ${f(paint.ms)} ms (${paint.element}), h1 in the document at ${f(headingMs)} ms`);
    } finally {
      await context.close();
    }
  }
  return series;
}

/** Signs in through the login page, as a person would, and waits for the home. */
async function signIn(page: Page, origin: string, member: Credentials): Promise<void> {
  await page.goto(`${origin}/login`);
  // By their names: the bench reads no catalogue (the application's sources are not in dist/).
  await page.locator('input[name="network"]').fill(member.network);
  await page.locator('input[name="email"]').fill(member.email);
  await page.locator('input[name="password"]').fill(member.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The blank Vite page, built with Vite's API into a folder of its own. */
async function buildBlankPage(workspace: string): Promise<string> {
  const root = join(workspace, 'blank');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), BLANK_INDEX);
  writeFileSync(join(root, 'main.ts'), '');
  await build({ root, configFile: false, logLevel: 'warn', build: { outDir: join(root, 'dist'), emptyOutDir: true } });
  return join(root, 'dist');
}

async function run(stack: BenchStack): Promise<boolean> {
  const loads = numberFlag(process.argv.slice(2), 'loads', 5);
  const root = repositoryRoot();
  const webDist = join(root, 'apps', 'web', 'dist');
  const workspace = mkdtempSync(join(tmpdir(), 'passerelle-web-bench-'));
  const gateways: Gateway[] = [];
  let browser: Browser | undefined;
  try {
    say('web benchmark: the application and a blank Vite page, each built now with Vite');
    await build({ configFile: join(root, 'apps', 'web', 'vite.config.ts'), logLevel: 'warn' });
    const blankDist = await buildBlankPage(workspace);
    const app = initialJavaScript(webDist);
    const blank = initialJavaScript(blankDist);
    for (const [name, assets] of [
      ['application', app],
      ['blank page', blank],
    ] as const) {
      say(`  ${name}: ${assets.map((asset) => `${asset.path} ${f(kb(asset.bytes), 1)} kB (${f(kb(asset.gzipped), 1)} kB gzipped)`).join(', ') || 'no script'}`);
    }

    await stack.prepare(SERVICES);
    await stack.start(SERVICES);
    const upstreams = Object.fromEntries(SERVICES.map((service) => [service, { host: '127.0.0.1', port: stack.portOf(service) }]));
    const appOrigin = await startGateway({ routes: publicRoutes(), upstreams, webRoot: webDist, host: '127.0.0.1', port: 0 });
    gateways.push(appOrigin);
    // The same static server, with no service behind it.
    const blankOrigin = await startGateway({ routes: [], upstreams: {}, webRoot: blankDist, host: '127.0.0.1', port: 0 });
    gateways.push(blankOrigin);
    browser = await launchBrowser();

    const heading = (page: Page) => page.getByRole('heading', { level: 1 }).waitFor();
    const identityDb = new DataSource({ type: 'postgres', url: stack.databaseUrl('identity') });
    await identityDb.initialize();
    let member: Credentials;
    try {
      const identity = request(stack.url('identity'));
      member = await createTestMember(identity, identityDb, await createTestNetwork(identity, await adminToken(identity), 'bench'));
    } finally {
      await identityDb.destroy();
    }
    const blankPaints = await measureLcp(browser, loads, { name: 'blank Vite page', url: `${blankOrigin.url}/`, ready: heading });
    const loginPaints = await measureLcp(browser, loads, { name: 'login page', url: `${appOrigin.url}/`, ready: heading });
    const homePaints = await measureLcp(browser, loads, {
      name: 'signed-in home',
      url: `${appOrigin.url}/`,
      ready: heading,
      before: (page) => signIn(page, appOrigin.url, member),
    });

    const appKb = kb(sum(app, 'gzipped'));
    const lcpRow = (series: PaintSeries, target: string) => {
      const { p50, max } = distribution([...series.ms]);
      return [`LCP ${series.name}, median (max) of ${loads}`, `${f(p50)} ms (${f(max)})`, [...series.elements].join(', '), `${f(distribution([...series.headingMs]).p50)} ms`, target];
    };
    const lcpTarget = (series: PaintSeries) => {
      const { p50 } = distribution([...series.ms]);
      return `≤ ${f(TARGET.lcpMs)} ms: ${verdict(p50 <= TARGET.lcpMs)}`;
    };
    say('\nresults (Chromium, a desk-width window in French; the five services, Kafka, PostgreSQL and the browser on one 2-core machine)');
    say(
      table(
        ['measure', 'value', 'largest element', 'h1 in document (median)', 'target'],
        [
          ['initial JavaScript, gzipped: application', `${f(appKb, 1)} kB`, '', '', `≤ ${TARGET.initialJsKb} kB: ${verdict(appKb <= TARGET.initialJsKb)}`],
          ['initial JavaScript, gzipped: blank Vite page', `${f(kb(sum(blank, 'gzipped')), 1)} kB`, '', '', ''],
          lcpRow(blankPaints, ''),
          lcpRow(loginPaints, lcpTarget(loginPaints)),
          lcpRow(homePaints, lcpTarget(homePaints)),
        ],
      ),
    );
    return true;
  } finally {
    await browser?.close();
    await Promise.all(gateways.map((gateway) => gateway.close()));
    rmSync(workspace, { recursive: true, force: true });
  }
}

void withStack('bench:web', run);
