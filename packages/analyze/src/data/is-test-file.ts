// Folders that hold tests, their fixtures and mocks, in the layouts of Jest, Vitest, Mocha, Playwright and NestJS.
const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|specs?|e2e|fixtures|__fixtures__|__mocks__)\//;
// `orders.spec.ts`, `orders.test.js`, `app.e2e-spec.ts`, `login.e2e.ts`.
const TEST_NAME = /\.(?:spec|test|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

/**
 * Whether a file (a POSIX path relative to the root) is a test, or a fixture or mock only tests use: the
 * tables it touches and the models it declares are the tests', not the application's.
 */
export function isTestFile(path: string): boolean {
  return TEST_NAME.test(path) || TEST_FOLDER.test(path);
}
