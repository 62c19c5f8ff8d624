import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, validateConfig } from '../../config/app-config';
import { openDataSource } from '../../database/data-source';
import { reindexProgressLine, runReindex } from './reindex';

describe('reindex command', () => {
  it('draws the progress bar', () => {
    expect(reindexProgressLine(50, 100, 812.4)).toBe('[##########..........] 50% 50/100 812/s');
    expect(reindexProgressLine(0, 0, 0)).toBe('[####################] 100% 0/0 0/s');
  });

  it('rebuilds the index of a database and reports it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-reindex-'));
    try {
      const databasePath = join(dir, 'r.sqlite');
      const ds = await openDataSource(validateConfig(Object.assign(new AppConfig(), { databasePath })));
      await ds.query("INSERT INTO publication (name) VALUES ('济宁日报')");
      await ds.query(
        "INSERT INTO clipping (publication_id, issue_date, page_label, page_sort, title, body) VALUES (1, '2024-10-22', '2', '0002', '鱼台县', '梁\n山')",
      );
      await ds.destroy();
      const out: string[] = [];
      const err: string[] = [];
      const code = await runReindex(
        [],
        { stdout: (t) => out.push(t), stderr: (t) => err.push(t) },
        { DATABASE_PATH: databasePath, NODE_ENV: 'test' },
        false,
      );
      expect(code).toBe(0);
      expect(out.join('')).toMatch(/^reindexed 1 clippings in/);
      expect(err.join('')).toContain('100% 1/1');
      const check = await openDataSource(validateConfig(Object.assign(new AppConfig(), { databasePath })));
      expect(await check.query('SELECT clipping_id FROM clipping_search')).toEqual([{ clipping_id: 1 }]);
      await check.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses arguments it does not know', async () => {
    const err: string[] = [];
    expect(
      await runReindex(['--nope'], { stdout: () => undefined, stderr: (t) => err.push(t) }, {}, false),
    ).toBe(2);
  });
});
