/**
 * `@jianbao/contracts` is a TypeScript path alias; tsc leaves it as written, so compiled code resolves it
 * here to the compiled contracts beside the backend (`dist/backend/contracts/src`). Imported first by
 * the entry points (the server and the CLI); jest maps the alias itself.
 */
import Module = require('node:module');
import { join } from 'node:path';

const CONTRACTS = join(__dirname, '../../../contracts/src/index');

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return resolve.call(this, request === '@jianbao/contracts' ? CONTRACTS : request, ...rest);
};
