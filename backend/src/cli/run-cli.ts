import { COMMANDS } from './commands/registry';
import { EXIT_USAGE, type CliCommand, type CliIo } from './commands/command';

function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `usage: cli COMMAND [ARGS]\n\ncommands:\n${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n`;
}

/** Dispatches `argv` (without node and script) to a command; resolves to the exit code. Never rejects. */
export async function runCli(
  argv: string[],
  io: CliIo,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage(commands));
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`unknown command ${JSON.stringify(name)}\n${usage(commands)}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
