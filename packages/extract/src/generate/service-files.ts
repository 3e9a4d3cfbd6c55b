import type { ContractModel, Operation } from '../contract/build-contract.ts';
import { contractName, remoteOperations } from './contract-files.ts';
import { header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';
import type { Toolchain } from '../toolchain/toolchain-profile.ts';
import { providerCall } from './provider-files.ts';
import { factoryCall, instanceCall, instanceImports } from './instance-class-files.ts';

/** Where the files of one extraction go, relative to the project root. */
export interface Layout {
  service: string;
  facade: string;
  /** The monolith's tsconfig, which the service's extends so the moved code resolves as before (undefined: none). */
  tsconfig: string | undefined;
  /** What the monolith compiles with: the service's own settings and dependencies follow it. */
  toolchain?: Toolchain;
}

/** operations.ts: the service serves the monolith's own implementation until the team moves the code in. */
export function operationsFile(origin: Origin, model: ContractModel, layout: Layout): GeneratedFile {
  const path = `${layout.service}/src/operations.ts`;
  const operations = remoteOperations(model);
  const byFile = new Map<string, string[]>();
  for (const operation of operations.filter((o) => o.owner === undefined))
    byFile.set(operation.file, [...(byFile.get(operation.file) ?? []), operation.name]);
  const imports = [...byFile].map(
    ([file, names]) => `import { ${names.join(', ')} } from '${importPath(path, file)}';`,
  );
  if (operations.some((o) => o.owner && !o.instance)) imports.push(`import { providers } from './providers';`);
  imports.push(...instanceImports(path, model));
  const call = (o: Operation) =>
    o.instance ? instanceCall(o) : o.owner ? providerCall(o) : o.returnsInstance ? factoryCall(o) : o.name;
  return {
    path,
    content: `${header(origin, "the implementation the service serves: today the monolith's own code")}
import type { ${contractName(origin.service)} } from './contract';
${imports.join('\n')}

/** Step one of the strangler fig: the same code behind a network boundary. Move it here file by file. */
export const operations: ${contractName(origin.service)} = {${operations.some((o) => o.owner || o.returnsInstance) ? `\n  ${operations.map(call).join(',\n  ')},\n` : ` ${operations.map((o) => o.name).join(', ')} `}};
`,
  };
}

/** lambda.ts: the same operations behind API Gateway (HTTP API, payload 2.0), with the server's checks. */
export function lambdaFile(origin: Origin, layout: Layout): GeneratedFile {
  return {
    path: `${layout.service}/src/lambda.ts`,
    content: `${header(origin, 'an AWS Lambda handler for the same operations')}
import { authorized, handle, isJson, settingsFromEnv, toJson } from './server';

interface HttpApiEvent {
  rawPath: string;
  body?: string | null;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | undefined>;
  requestContext: { http: { method: string } };
}

const settings = settingsFromEnv();
const SERVICE = ${stringLiteral(origin.service)};

/** POST /v1/<operation> with the named arguments as JSON, as the HTTP server takes them. */
export async function handler(event: HttpApiEvent): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const headers = { 'content-type': 'application/json' };
  const answer = (statusCode: number, body: unknown) => ({ statusCode, headers, body: toJson(body) });
  if (event.requestContext.http.method === 'GET' && event.rawPath === '/health') return answer(200, { status: 'ok', service: SERVICE });
  if (!settings.token && !settings.insecure) return answer(503, { error: { name: 'Unavailable', code: 'NO_TOKEN', message: \`\${SERVICE} has no token configured\` } });
  if (!authorized(event.headers?.['authorization'], settings)) return answer(401, { error: { name: 'Unauthorized', code: 'BAD_TOKEN', message: \`\${SERVICE} needs the facade's token\` } });
  if (!isJson(event.headers?.['content-type'])) return answer(415, { error: { name: 'UnsupportedMediaType', code: 'NOT_JSON', message: 'send content-type: application/json' } });
  const operation = /^\\/v1\\/([A-Za-z0-9_$]+(?:\\.[A-Za-z0-9_$]+)?)$/.exec(event.rawPath)?.[1] ?? '';
  const text = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '{}';
  if (Buffer.byteLength(text) > settings.maxBodyBytes) return answer(413, { error: { name: 'PayloadTooLarge', code: 'BODY_TOO_LARGE', message: \`bodies above \${settings.maxBodyBytes} bytes are refused\` } });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer(400, { error: { name: 'ValidationError', code: 'INVALID_JSON', message: 'the request body is not JSON' } });
  }
  const reply = await handle(operation, body, undefined, settings.debug);
  return answer(reply.status, reply.body);
}
`,
  };
}
