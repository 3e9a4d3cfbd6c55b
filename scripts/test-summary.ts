// Prints the one line CI reads, `tests: N passed, N failed`, from vitest's JSON report; exits non-zero unless all
// passed.
import { readFileSync } from 'node:fs';

const report = 'test-output/vitest.json';
let result: { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
try {
  result = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.log(`no test report at ${report}: vitest did not finish`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const failed = result.numFailedTests + (result.success || result.numFailedTests > 0 ? 0 : 1);
console.log(`tests: ${result.numPassedTests} passed, ${failed} failed`);
process.exit(failed === 0 && result.numTotalTests > 0 ? 0 : 1);
