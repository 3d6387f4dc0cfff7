// The browser-test harness: `apps/modeler/test/<feature>.browser-spec.ts` imports from here.
export { setupBrowserSuite, TABLET, WEB_APP_DIR, type BrowserSuite, type BrowserSuiteOptions, type TestUser } from './browser-suite.js';
export { describeWithBrowser, chromiumInstalled, CHROMIUM_PATH } from './chromium.js';
export { screenshot, ARTIFACTS_DIR } from './artifacts.js';
export { expectNoSeriousAxeViolations } from './axe.js';
export { signIn, signOut } from './sign-in.js';
export { MARKUP, scriptMark } from './markup.js';
export { bpmnEdge, bpmnShape, escapeXml } from './bpmn.js';
