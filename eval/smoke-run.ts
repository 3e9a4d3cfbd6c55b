// What every HTTP smoke suite of the extract proof shares: a JSON call that counts the answers seams' routing layer
// proxied from an extracted service (its proxy adds `via: 1.1 seams`), one line per check, and the summary lines the
// harness reads (`Tests: N passed, N failed`, `via seams: N`), with exit code 1 when a check failed.

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

let passed = 0;
let failed = 0;
let viaSeams = 0;

/** The API's base URL from the command line (or a fallback), without a trailing slash; exits 2 with the usage. */
export function baseUrl(usage: string, fallback = ''): string {
  const base = (process.argv[2] ?? fallback).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return base;
}

/** One request with a JSON (or raw) body; the answer's body parsed as JSON, or `{ text }` when it is not. */
export async function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(15_000) });
  const raw = await response.text();
  if (/\bseams\b/.test(response.headers.get('via') ?? '')) viaSeams += 1;
  return { status: response.status, body: parsed(raw), headers: response.headers };
}

function parsed(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    return { text };
  }
}

export function check(name: string, ok: boolean, answer?: Answer): void {
  if (ok) passed += 1;
  else failed += 1;
  const detail = ok || !answer ? '' : `: got ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail}`);
}

/** Runs the suite, counts a run that stops as one failure, and prints the summary. */
export async function runSmoke(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    failed += 1;
    console.log(`FAIL the run stopped: ${(error as Error).message}`);
  }
  console.log(`Tests: ${passed} passed, ${failed} failed`);
  console.log(`via seams: ${viaSeams}`);
  process.exitCode = failed === 0 ? 0 : 1;
}
