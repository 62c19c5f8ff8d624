/**
 * The demo data shipped in `backend/demo/`: the two sample pages and a manifest saying which paper,
 * issue and page each is. Read from the repository, not from `../shared`, so a fresh clone has it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../common/repo-root';

export interface DemoPage {
  file: string;
  publication: { name: string; homeRegionCode: string | null };
  issueDate: string;
  pageLabel: string;
  text: string;
}

interface Manifest {
  pages: Array<Omit<DemoPage, 'text'>>;
}

export function demoDir(): string {
  return join(repoRoot(), 'backend', 'demo');
}

/** The manifest's pages with their text, in manifest order. */
export function loadDemoPages(dir = demoDir()): DemoPage[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return manifest.pages.map((p) => ({ ...p, text: readFileSync(join(dir, p.file), 'utf8') }));
}
