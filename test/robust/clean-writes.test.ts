/**
 * Fault injection, writing: temp files a killed run left in the output folder are removed by the next run (ours
 * only: nothing else is touched, nor a temp file of a run still writing), and an output that is one of the run's
 * inputs is refused even with --force, before anything is written. In-process; no solver runs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputPaths } from '../../src/app/load.js';
import { runDiff } from '../../src/app/diff.js';
import { runReport } from '../../src/app/report.js';
import { runReplace } from '../../src/app/replace.js';
import { writeOutputsWithReport } from '../../src/app/report-view.js';
import { runScreen } from '../../src/app/screen.js';
import { refuseInputTargets, removeStaleTempFiles, writeOutputs } from '../../src/io/csv-write.js';
import { BASE, ROOT, SAMPLE_EN, outputErrorOf, tempDir } from './helpers.js';

const SAMPLE_NB = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));
const GOLDEN_ALLOCATION = join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv');
const GOLDEN_SUMMARY = join(ROOT, 'fixtures', 'golden', 'sample-nb', 'summary.json');

/** The id of a process that has exited: what a killed run's temp file names. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  if (r.pid === undefined) throw new Error('could not start a process');
  return r.pid;
}

describe('temp files of killed runs', () => {
  it('are removed by the next run; nothing else in the folder is', async () => {
    const out = tempDir();
    const dead = deadPid();
    const leftovers = [`.screening.csv.${dead}.0123456789ab.tmp`, '.screening.csv.0123456789ab.tmp', `.report.html.${dead}.ffffffffffff.tmp`];
    const kept = [
      // A run still writing (this process), a user's own files, a near miss of the pattern.
      `.screening.csv.${process.pid}.0123456789ab.tmp`,
      'notes.tmp',
      '.screening.csv.tmp',
      '.screening.csv.0123456789AB.tmp',
      'screening.csv.0123456789ab.tmp',
    ];
    for (const name of [...leftovers, ...kept]) writeFileSync(join(out, name), 'Kari Nordmann,1980-12-31\n');
    mkdirSync(join(out, `.groups.csv.${dead}.aaaaaaaaaaaa.tmp`));
    symlinkSync(join(out, 'notes.tmp'), join(out, `.groups.csv.${dead}.bbbbbbbbbbbb.tmp`));

    const r = await runScreen({ ...BASE, files: SAMPLE_EN, out, force: true });
    expect(r.exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['screening.csv', ...kept, `.groups.csv.${dead}.aaaaaaaaaaaa.tmp`, `.groups.csv.${dead}.bbbbbbbbbbbb.tmp`].sort());
  });

  it('removeStaleTempFiles says what it removed and survives a missing folder', () => {
    const out = tempDir();
    writeFileSync(join(out, `.allocation.csv.${deadPid()}.0123456789ab.tmp`), 'x');
    expect(removeStaleTempFiles(out)).toHaveLength(1);
    expect(removeStaleTempFiles(join(out, 'nope'))).toEqual([]);
  });

  it('a successful write leaves no temp file of its own', () => {
    const out = tempDir();
    writeOutputs(out, [{ name: 'a.csv', content: 'x\r\n' }, { name: 'b.json', content: '{}\n' }], { force: false });
    expect(readdirSync(out).sort()).toEqual(['a.csv', 'b.json']);
  });
});

describe('an output path the file system refuses to look at', () => {
  const long = 'r'.repeat(300);
  it.each([
    ['a file name over 255 bytes in --out', (dir: string) => writeOutputs(dir, [{ name: `${long}.csv`, content: 'a\r\n' }], { force: false })],
    ['a --report name over 255 bytes', (dir: string) => writeOutputsWithReport(join(dir, 'o'), [{ name: 'a.csv', content: 'a\r\n' }], { path: join(dir, `${long}.html`), content: '<p>' }, { force: false })],
    ['a --report inside a symbolic-link loop', (dir: string) => {
      symlinkSync('l2', join(dir, 'l1'));
      symlinkSync('l1', join(dir, 'l2'));
      writeOutputsWithReport(join(dir, 'o'), [{ name: 'a.csv', content: 'a\r\n' }], { path: join(dir, 'l1', 'r.html'), content: '<p>' }, { force: false });
    }],
    ['an empty --out (an unset variable in a script)', (dir: string) => writeOutputs('', [{ name: 'a.csv', content: 'a\r\n' }], { force: false, cwd: dir })],
  ])('%s is an output error, nothing written', async (_name, write) => {
    const dir = tempDir();
    const e = await outputErrorOf(() => write(dir));
    expect([e.code, e.exitCode]).toEqual([expect.stringMatching(/^E_(WRITE|OUT_DIR)$/), 3]);
    expect(readdirSync(dir).filter((f) => !f.startsWith('l'))).toEqual([]);
  });
});

describe('an output that is an input is refused, even with --force', () => {
  it('screen --out into the folder of a candidate file named screening.csv', async () => {
    const out = tempDir();
    const input = join(out, 'screening.csv');
    copyFileSync(SAMPLE_EN[0] as string, input);
    const before = readFileSync(input);
    const e = await outputErrorOf(() => runScreen({ ...BASE, files: [input, ...SAMPLE_EN.slice(1)], out, force: true }));
    expect(e.code).toBe('E_OUTPUT_IS_INPUT');
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(`${input} is the input file ${input}; nothing was written (choose another output directory or name: an input is never overwritten, not even with --force)`);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('the same file by another spelling or a hard link', async () => {
    const root = tempDir();
    const input = join(root, 'candidates.csv');
    copyFileSync(SAMPLE_EN[0] as string, input);
    const out = join(root, 'out');
    mkdirSync(out);
    linkSync(input, join(out, 'screening.csv'));
    const viaLink = await outputErrorOf(() => runScreen({ ...BASE, files: [input], out, force: true }));
    expect(viaLink.code).toBe('E_OUTPUT_IS_INPUT');

    // The output folder named through a symbolic link to the input's folder.
    const alias = join(root, 'alias');
    symlinkSync(root, alias);
    const respelled = await outputErrorOf(() => runScreen({ ...BASE, files: [join(root, 'out', '..', 'out', 'screening.csv')], out: join(alias, 'out'), force: true }));
    expect(respelled.code).toBe('E_OUTPUT_IS_INPUT');
    expect(readFileSync(input).equals(readFileSync(SAMPLE_EN[0] as string))).toBe(true);
  });

  it('replace --out into the folder of its own --allocation', async () => {
    const out = tempDir();
    const allocation = join(out, 'allocation.csv');
    copyFileSync(GOLDEN_ALLOCATION, allocation);
    const e = await outputErrorOf(() => runReplace({ ...BASE, files: SAMPLE_NB, allocation, out, force: true, withdraw: ['TLP-0001'], add: [], deadlineMs: 5000 }));
    expect(e.code).toBe('E_OUTPUT_IS_INPUT');
    expect(readFileSync(allocation).equals(readFileSync(GOLDEN_ALLOCATION))).toBe(true);
    expect(readdirSync(out)).toEqual(['allocation.csv']);
  });

  it('report --output naming a candidate file, and a --report elsewhere naming a locks file', async () => {
    const dir = tempDir();
    const input = join(dir, 'kommune.csv');
    copyFileSync(SAMPLE_NB[0] as string, input);
    const e = await outputErrorOf(() => runReport({ files: [input, ...SAMPLE_NB.slice(1)], allocation: GOLDEN_ALLOCATION, output: input, encoding: 'auto', force: true, cwd: ROOT }));
    expect(e.code).toBe('E_OUTPUT_IS_INPUT');
    expect(readFileSync(input).equals(readFileSync(SAMPLE_NB[0] as string))).toBe(true);

    const locks = join(dir, 'locks.csv');
    writeFileSync(locks, 'rule,id,other\n');
    const out = join(dir, 'out');
    const r = await outputErrorOf(() => writeOutputsWithReport(out, [{ name: 'allocation.csv', content: 'a\r\n' }], { path: locks, content: '<p>' }, { force: true, inputs: [locks] }));
    expect(r.code).toBe('E_OUTPUT_IS_INPUT');
    // Refused before anything was written, in either place.
    expect(existsSync(join(out, 'allocation.csv'))).toBe(false);
    expect(readFileSync(locks, 'utf8')).toBe('rule,id,other\n');
  });

  describe('the summary.json read beside an earlier allocation is an input too', () => {
    /** An earlier run in `dir`: the golden allocation (as `old.csv`) and its summary.json. */
    const earlier = (dir: string) => {
      mkdirSync(dir, { recursive: true });
      copyFileSync(GOLDEN_ALLOCATION, join(dir, 'old.csv'));
      copyFileSync(GOLDEN_SUMMARY, join(dir, 'summary.json'));
      return { allocation: join(dir, 'old.csv'), summary: join(dir, 'summary.json') };
    };
    it.each(['old', 'new'] as const)('diff --report naming the summary.json beside %s', (side) => {
      const root = tempDir();
      const a = earlier(join(root, 'a'));
      const b = earlier(join(root, 'b'));
      const report = side === 'old' ? a.summary : b.summary;
      const r = runDiff({ cwd: root, old: a.allocation, new: b.allocation, json: false, force: true, lang: 'en', report });
      expect([r.exitCode, r.stderr]).toEqual([2, expect.stringContaining('(E_OUTPUT_IS_INPUT)')]);
      expect(readFileSync(report).equals(readFileSync(GOLDEN_SUMMARY))).toBe(true);
    });

    it('allocate --previous: its summary.json is among the paths no output may be', () => {
      const prev = earlier(tempDir());
      expect(inputPaths({ ...BASE, files: SAMPLE_NB, previous: prev.allocation })).toEqual([...SAMPLE_NB, prev.allocation, prev.summary]);
      expect(() => refuseInputTargets([prev.summary], inputPaths({ ...BASE, files: SAMPLE_NB, previous: prev.allocation }))).toThrow(/is the input file/);
    });
  });
});
