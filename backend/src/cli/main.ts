/** CLI entry point (`npm run cli -- COMMAND …`). Plain CommonJS after tsc: no top-level await. */
import '../common/module-aliases';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
