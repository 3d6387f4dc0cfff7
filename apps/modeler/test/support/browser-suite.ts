// One call per browser test file: a fresh database, the BUILT engine serving the BUILT web app
// (apps/modeler/dist), users with roles, and Chromium pages on it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, setupEngineSuite, type EngineSuite } from '../../../engine/test/support/engine-suite.js';
import { launchChromium } from './chromium.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const WEB_APP_DIR = join(REPO_ROOT, 'apps/modeler/dist');

export interface TestUser {
  username: string;
  password: string;
  id: string;
  /** A bearer token of the user, for preparing data through the API. */
  token: string;
}

export interface BrowserSuiteOptions {
  /** Deploy process-definitions/* at start, as `npm start` does (off by default: a suite deploys what it tests). */
  standardPackages?: boolean;
  env?: Record<string, string>;
}

export interface BrowserSuite {
  /** The engine, its database and the API helpers of the API tests. */
  engine: EngineSuite;
  /** The engine's base URL, which serves the web app at `/`. */
  url(): string;
  /** The built-in admin. */
  admin(): TestUser;
  /** Creates a user with the given roles (and teams, created when missing). */
  createUser(username: string, roles: string[], teams?: string[]): Promise<TestUser>;
  /** A page in a fresh browser context (no cookies), 1280 × 800 unless a viewport is given. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
}

export const TABLET = { width: 768, height: 1024 };

export function setupBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  const engine = setupEngineSuite({
    env: {
      STAGEFLOW_WEB_APP_DIR: WEB_APP_DIR,
      ...(options.standardPackages ? { STAGEFLOW_STANDARD_PACKAGES: join(REPO_ROOT, 'process-definitions') } : {}),
      ...options.env,
    },
  });
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_APP_DIR, 'index.html'))) throw new Error(`${WEB_APP_DIR}/index.html is missing: build first (npm run build)`);
    browser = await launchChromium();
  }, 60_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  }, 30_000);

  return {
    engine,
    url: () => engine.engine().url,
    admin: () => ({ username: 'admin', password: ADMIN_PASSWORD, id: '', token: engine.adminToken() }),
    async createUser(username, roles, teams = []) {
      const created = await engine.createUser(username, roles, teams);
      return { username, password: created.password, id: created.id, token: created.token };
    },
    async newPage({ viewport = { width: 1280, height: 800 } } = {}) {
      if (!browser) throw new Error('the browser is not running');
      const context = await browser.newContext({ baseURL: engine.engine().url, viewport, locale: 'en-US' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return page;
    },
  };
}
