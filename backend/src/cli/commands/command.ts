/** Where a command writes; injectable so commands can be tested without touching process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input (default: the process's); only commands reading a secret use it. */
  readStdin?: () => Promise<string>;
}

/** One CLI command: parses its own arguments and resolves to the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit code for bad arguments or an unusable input. */
export const EXIT_USAGE = 2;
