import type { CliCommand } from './command';
import { backupCommand } from './backup';
import { createUserCommand } from './create-user';
import { evalCommand } from './eval';
import { trainParserCommand } from './train-parser';
import { fileImportHook, importDirCommand } from './import-dir';
import { importJsonCommand } from './import-json';
import { importPageCommand, setFileImportHook } from './import-page';
import { migrateCommand } from './migrate';
import { reindexCommand } from './reindex';
import { restoreCommand } from './restore';

/** Every CLI command by name. New commands register here. */
export const COMMANDS: readonly CliCommand[] = [
  importPageCommand,
  migrateCommand,
  createUserCommand,
  importDirCommand,
  backupCommand,
  restoreCommand,
  evalCommand,
  trainParserCommand,
  reindexCommand,
  importJsonCommand,
];

// Filing needs the database and the Nest context: loaded only when a command files.
setFileImportHook(fileImportHook());
