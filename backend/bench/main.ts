/** `npm run bench -- …` (scripts/bench.js): the speed tables and the load run, outside the production build. */
import '../src/common/module-aliases';
import 'reflect-metadata';
import { benchCommand } from './bench';

benchCommand
  .run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
