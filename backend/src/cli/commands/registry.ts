import type { CliCommand } from './command';
import { backupCommand } from './backup';
import { benchCommand, registerBenchSection } from './bench';
import { createUserCommand } from './create-user';
import { evalCommand } from './eval';
import { trainParserCommand } from './train-parser';
import { fileImportHook, importDirCommand } from './import-dir';
import { importPageCommand, setFileImportHook } from './import-page';
import { migrateCommand } from './migrate';
import { restoreCommand } from './restore';

/** Every CLI command by name. New commands register here. */
export const COMMANDS: readonly CliCommand[] = [
  importPageCommand,
  migrateCommand,
  createUserCommand,
  benchCommand,
  importDirCommand,
  backupCommand,
  restoreCommand,
  evalCommand,
  trainParserCommand,
];

// Filing needs the database and the Nest context: loaded only when a command files or benches it.
setFileImportHook(fileImportHook());
registerBenchSection('filing', async (opts) =>
  (await import('../../imports/filing-bench')).filingBench(opts),
);
registerBenchSection('rules', async (opts) => (await import('../../tags/rules-bench')).rulesBench(opts));
registerBenchSection('regions', async (opts) =>
  (await import('../../regions/regions-bench')).regionsBench(opts),
);
