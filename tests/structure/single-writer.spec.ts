import { join } from 'node:path';
import { foreignWriters } from './single-writer';

const ROOT = join(__dirname, '..', '..');

describe('one writer of clipping rows (production files outside backend/src/clippings)', () => {
  it('finds a write to an owned table, and a value import of an owned entity, in a fixture', () => {
    expect(foreignWriters(join(__dirname, 'fixtures', 'writers', 'backend-src'))).toEqual([
      'trash/bad-writer.ts: writes with "UPDATE clipping"',
      "trash/bad-writer.ts: imports an owned entity as a value (import { ClippingEntity } from '../clippings/clipping.entity';)",
    ]);
  });

  it('finds none in backend/src', () => {
    expect(foreignWriters(join(ROOT, 'backend', 'src'))).toEqual([]);
  });
});
