import { render } from 'ink';
import { App, type AppProps } from './app.tsx';

export interface UiOptions extends Omit<AppProps, 'size'> {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** Runs the terminal UI until the user quits; rejects with the load error if the project could not be opened. */
export async function startUi({ stdin, stdout, ...props }: UiOptions): Promise<void> {
  // The alternate screen, as in vim or less: quitting gives the terminal back as it was.
  stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(<App {...props} />, { stdin, stdout, exitOnCtrlC: false, patchConsole: false });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  }
}

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
