import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePageBytes, readPageFile } from './page-file';

describe('page files', () => {
  it('accepts UTF-8 text, dropping a BOM', () => {
    expect(decodePageBytes(Buffer.from('\uFEFF正文', 'utf8'))).toEqual({ ok: true, text: '正文' });
  });

  it.each([
    ['empty', Buffer.from(''), 'empty file'],
    ['blank', Buffer.from(' \n\t\n'), 'empty file'],
    ['GBK bytes', Buffer.from([0xd5, 0xfd, 0xce, 0xc4]), 'not valid UTF-8 text'],
    ['binary', Buffer.from([0x41, 0x00, 0x42]), 'binary file (NUL bytes)'],
    ['too big', Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), 'larger than 2 MB (2097153 bytes)'],
  ])('refuses %s', (_what, bytes, reason) => {
    expect(decodePageBytes(bytes)).toEqual({ ok: false, reason });
  });

  it('refuses a directory and a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-page-file-'));
    try {
      mkdirSync(join(dir, 'x.txt'));
      writeFileSync(join(dir, 'ok.txt'), '正文');
      expect(readPageFile(join(dir, 'x.txt'))).toEqual({ ok: false, reason: 'a directory, not a file' });
      expect(readPageFile(join(dir, 'none.txt'))).toEqual({ ok: false, reason: 'unreadable (ENOENT)' });
      expect(readPageFile(join(dir, 'ok.txt'))).toEqual({ ok: true, text: '正文' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
