// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Spelled in parts, so that this file does not cite what it looks for. */
const OUTSIDE = [['..', 'shared'].join('/'), ['REAL', 'WORLD', 'SHAPES'].join('-')];

describe('the repository', () => {
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
