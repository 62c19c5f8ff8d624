import type { CliCommand, CliIo } from './commands/command';
import { runCli } from './run-cli';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) };
  return { out, io };
}

const echo: CliCommand = {
  name: 'echo',
  summary: 'prints its arguments',
  run: async (args, io) => (io.stdout(args.join(' ')), 0),
};
const boom: CliCommand = {
  name: 'boom',
  summary: 'fails',
  run: async () => {
    throw new Error('kaput');
  },
};

describe('runCli', () => {
  it('dispatches to the named command', async () => {
    const { out, io } = capture();
    expect(await runCli(['echo', 'a', 'b'], io, [echo])).toBe(0);
    expect(out.stdout).toBe('a b');
  });

  it('unknown or missing command → usage on stderr, exit 2', async () => {
    const a = capture();
    expect(await runCli(['nope'], a.io, [echo])).toBe(2);
    expect(a.out.stderr).toContain('unknown command');
    const b = capture();
    expect(await runCli([], b.io, [echo])).toBe(2);
    expect(b.out.stderr).toContain('echo');
  });

  it('a command that throws exits 1 with its message', async () => {
    const { out, io } = capture();
    expect(await runCli(['boom'], io, [boom])).toBe(1);
    expect(out.stderr).toContain('kaput');
  });

  it('registers import-page by default', async () => {
    const { out, io } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.stdout).toContain('import-page');
    expect(out.stdout).toContain('reindex');
  });
});
