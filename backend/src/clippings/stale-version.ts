import type { Clipping } from '@jianbao/contracts';
import { ConflictException } from '@nestjs/common';

/**
 * The 409 of an edit based on a stale version: `details.current` is the clipping as it is now, so the
 * editor can show what changed meanwhile and merge (`details.currentVersion` is its version).
 */
export function staleVersion(current: Clipping): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `Clipping ${current.id} was changed by someone else (now at version ${current.version}); reload and retry`,
    details: { currentVersion: current.version, current },
  });
}
