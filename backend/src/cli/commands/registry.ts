import type { CliCommand } from './command';
import { benchCommand } from './bench';
import { importPageCommand } from './import-page';
import { migrateCommand } from './migrate';

/** Every CLI command by name. New commands register here. */
export const COMMANDS: readonly CliCommand[] = [importPageCommand, migrateCommand, benchCommand];
