/** The golden cases (fixtures/golden/): inputs relative to the repository root, and `allocate`'s exit code. */
const SAMPLE = (dialect: 'nb' | 'en') => ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => `fixtures/sample/${dialect}/${f}.csv`);

export interface GoldenCase {
  name: string;
  /** Candidate files, relative to the repository root. */
  files: string[];
  extra: string[];
  /** Exit code of `allocate`, and of `check` on its allocation. */
  exit: 0 | 1;
}

export const CASES: readonly GoldenCase[] = [
  { name: 'sample-nb', files: SAMPLE('nb'), extra: [], exit: 0 },
  {
    name: 'shortfall',
    files: [...SAMPLE('en').filter((f) => !f.endsWith('helse-nord.csv')), 'fixtures/golden/shortfall/input/helse-nord.csv'],
    extra: [],
    exit: 1,
  },
  { name: 'programme-200', files: ['fixtures/golden/programme-200/input/candidates.csv'], extra: ['--config', 'fixtures/programme-200.json'], exit: 0 },
];
