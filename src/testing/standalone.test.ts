// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Spelled in parts, so that this file does not cite what it looks for. */
const OUTSIDE = [['..', 'shared'].join('/'), ['REAL', 'WORLD', 'SHAPES'].join('-')];

/** Past this, a module does more than one job (data tables, such as the demo's, aside). */
const MAX_LINES = 500;

describe('the repository', () => {
  it(`has no module in src/ over ${MAX_LINES} lines`, () => {
    const files = execFileSync('git', ['ls-files', '-z', 'src'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => /\.(tsx?|css)$/.test(f) && !f.endsWith('-templates.ts'));
    const long = files
      .map((file) => {
        try {
          return { file, lines: readFileSync(`${root}${file}`, 'utf8').split('\n').length - 1 };
        } catch {
          return { file, lines: 0 };
        }
      })
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('stands alone: no tracked file reads or cites the files outside it', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '' && !f.endsWith('.png') && !f.endsWith('.json'));
    const citing = files.filter((file) => {
      let text: string;
      try {
        text = readFileSync(`${root}${file}`, 'utf8');
      } catch {
        return false; // listed but not checked out (a deleted file not yet committed)
      }
      return OUTSIDE.some((needle) => text.includes(needle));
    });
    expect(citing).toEqual([]);
  });
});
