/** Where a command writes; tests pass string sinks, main passes the process streams. */
export interface Streams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  /** The interactive terminal, when there is one: only `seams ui` reads keys. */
  terminal?: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };
  /** The environment, for NO_COLOR and CI settings; main passes process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}
