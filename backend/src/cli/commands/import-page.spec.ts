import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportPreview } from '@jianbao/contracts';
import type { CliIo } from './command';
import { importPageCommand, isIsoDate, setFileImportHook } from './import-page';

const SAMPLE = join(__dirname, '../../../../tests/fixtures/pages/000_7bc5541b3fe100b2.txt');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await importPageCommand.run(args, io);
  return { code, stdout, stderr };
}

const OK = ['--publication', '济宁日报', '--date', '2024-10-22', '--page', '2'];

describe('import-page', () => {
  afterEach(() => setFileImportHook(null));

  it('--dry-run --json prints exactly one preview JSON object and nothing else', async () => {
    const { code, stdout, stderr } = await run([SAMPLE, ...OK, '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const preview = JSON.parse(stdout) as ImportPreview;
    expect(Object.keys(preview)).toEqual(['clippings', 'unassigned', 'unassignedLines']);
    expect(Object.keys(preview.clippings[0] ?? {})).toEqual([
      'kind',
      'kicker',
      'title',
      'subtitle',
      'byline',
      'dateline',
      'body',
      'subheads',
      'continuesFrom',
      'continuesTo',
      'regions',
      'tags',
      'lines',
      'confidence',
    ]);
    expect(preview.clippings).toHaveLength(8);
  });

  it('--dry-run without --json prints a readable summary', async () => {
    const { code, stdout } = await run([SAMPLE, ...OK, '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('全国秋收秋种稳步推进');
  });

  it.each([
    [[...OK, '--dry-run'], 'FILE is required'],
    [[SAMPLE, '--date', '2024-10-22', '--page', '2', '--dry-run'], '--publication'],
    [[SAMPLE, '--publication', 'X', '--date', '2024-02-30', '--page', '2', '--dry-run'], '--date'],
    [[SAMPLE, '--publication', 'X', '--date', '2024-10-22', '--page', '要闻', '--dry-run'], '--page'],
    [[SAMPLE, ...OK, '--dry-run', '--bogus'], 'bogus'],
    [['/no/such/file.txt', ...OK, '--dry-run'], 'cannot read'],
  ])('bad arguments %j → exit 2 with a message on stderr', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('accepts printed page labels such as 第三版 and A3', async () => {
    for (const page of ['第三版', 'A3', 'Ａ３版']) {
      const { code } = await run([
        SAMPLE,
        '--publication',
        'X',
        '--date',
        '2024-10-22',
        '--page',
        page,
        '--dry-run',
        '--json',
      ]);
      expect(code).toBe(0);
    }
  });

  it('without --dry-run: refuses while filing is not wired, delegates once a hook is set', async () => {
    const refused = await run([SAMPLE, ...OK]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('filing not available yet');

    const hook = jest.fn(async () => 0);
    setFileImportHook(hook);
    const dir = mkdtempSync(join(tmpdir(), 'import-page-'));
    const file = join(dir, 'p.txt');
    writeFileSync(file, '小麦播种进度过半\n■本报记者 张三\n近日，记者走进东山镇。\n');
    const filed = await run([file, '--publication', 'X', '--date', '2024-10-22', '--page', '第三版']);
    expect(filed.code).toBe(0);
    expect(hook).toHaveBeenCalledWith(
      expect.objectContaining({ publication: 'X', date: '2024-10-22', page: '第三版', pageNormalized: '3' }),
      expect.objectContaining({ clippings: [expect.objectContaining({ title: '小麦播种进度过半' })] }),
      expect.anything(),
    );
  });

  it('isIsoDate', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });
});
