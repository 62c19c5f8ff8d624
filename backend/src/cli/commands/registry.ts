import type { CliCommand } from './command';
import { benchCommand } from './bench';
import { importPageCommand } from './import-page';

/** Every CLI command by name. New commands register here. */
export const COMMANDS: readonly CliCommand[] = [importPageCommand, benchCommand];
