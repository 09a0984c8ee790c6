/**
 * The direction of imports in src/, checked by `npm run deps` (part of `npm run check`).
 *
 *   cli → app → { report, replace, check, stages, io, solver, read } → domain
 *   replace → stages, read;  io → read;  stages → solver/types.ts (types only)
 *   diff, lists (pure: comparing and listing allocations) → read, domain;  report → diff (its view's types)
 *
 * Every layer may import its own folder and domain/; domain/ imports nothing of ours. Each rule below
 * constrains one layer and lists what that layer may import, so a wrong-way import fails with the layer's
 * name. Also checked: no cycles, no orphan modules, LP backends only in solver/, commander only in cli/,
 * no file system or processes in the pure layers, nothing of scripts/ or test/ in src/.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'domain-imports-nothing',
      comment: 'domain/ is the pure core (types, rules, text helpers): it imports no other folder of src.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'read-only-domain',
      comment: 'read/ turns bytes into records; it may use domain/ only (no file system: that is io/).',
      severity: 'error',
      from: { path: '^src/read/' },
      to: { path: '^src/', pathNot: '^src/(read|domain)/' },
    },
    {
      name: 'io-only-read-domain',
      comment: 'io/ reads and writes files and hands the bytes to read/.',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/', pathNot: '^src/(io|read|domain)/' },
    },
    {
      name: 'solver-only-domain',
      comment: 'solver/ is the adapter over the LP backends; it knows no stage, command or file.',
      severity: 'error',
      from: { path: '^src/solver/' },
      to: { path: '^src/', pathNot: '^src/(solver|domain)/' },
    },
    {
      name: 'check-only-domain',
      comment: 'The checker is independent of the models: it reads the rules from domain/ and nothing else.',
      severity: 'error',
      from: { path: '^src/check/' },
      to: { path: '^src/', pathNot: '^src/(check|domain)/' },
    },
    {
      name: 'report-only-domain',
      comment: 'report/ renders a view it is given; it computes nothing from stages or files.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/', pathNot: '^src/(report|domain|diff)/' },
    },
    {
      name: 'diff-lists-pure',
      comment: 'diff/ and lists/ compute from allocations already read: no files, no stages, no app.',
      severity: 'error',
      from: { path: '^src/(diff|lists)/' },
      to: { path: '^src/', pathNot: '^src/(diff|lists|read|domain)/' },
    },
    {
      name: 'stages-only-domain',
      comment:
        'A stage takes data and a solve function from its caller: no solver backend or policy, no io/, no ' +
        'check/ (the caller verifies a stage with the checker), no app/. solver/types.ts is allowed, as types.',
      severity: 'error',
      from: { path: '^src/stages/' },
      to: { path: '^src/', pathNot: ['^src/(stages|domain)/', '^src/solver/types[.]ts$'] },
    },
    {
      name: 'stages-solver-types-as-types-only',
      comment: 'Stages use the solver\'s model and result types with `import type`, never its code.',
      severity: 'error',
      from: { path: '^src/stages/' },
      to: { path: '^src/solver/types[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'replace-only-stages-read-domain',
      comment:
        'replace/ reuses the stages\' rules and quality measures and reads records; it does not reach into ' +
        'the checker (a rule both need belongs in domain/), files, the solver or the commands.',
      severity: 'error',
      from: { path: '^src/replace/' },
      to: { path: '^src/', pathNot: '^src/(replace|stages|read|domain)/' },
    },
    {
      name: 'app-not-cli',
      comment: 'app/ is one file per command, called by cli/; it never imports the CLI wiring.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-only-app-domain',
      comment: 'cli/ parses options, calls a command in app/, prints and picks the exit code.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: '^src/(cli|app|domain)/' },
    },
    {
      name: 'src-not-scripts-or-tests',
      comment: 'The published package is dist/ (built from src/); the generator in scripts/ and the tests stay out of it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|test|fixtures)/' },
    },
    {
      name: 'solver-backends-only-in-solver',
      comment: 'One adapter owns the LP backends, their deadline and the fallback policy.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/solver/' },
      to: { dependencyTypes: ['npm'], path: 'node_modules/(highs|javascript-lp-solver|yalps)/' },
    },
    {
      name: 'commander-only-in-cli',
      comment: 'Option parsing is the CLI layer\'s business.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { dependencyTypes: ['npm'], path: 'node_modules/(commander|@commander-js/extra-typings)/' },
    },
    {
      name: 'pure-layers-no-system-access',
      comment:
        'domain/, read/, stages/, check/, replace/ and report/ are pure: files, processes and threads are ' +
        'reached through io/, app/, cli/ or solver/.',
      severity: 'error',
      from: { path: '^src/(domain|read|stages|check|replace|report)/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|worker_threads|process|os|net|http|https)$' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes the layers meaningless and the load order fragile.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module that imports nothing and that nothing imports (knip also finds files no entry reaches).',
      severity: 'error',
      from: { orphan: true, path: '^src/' },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file or package.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'src/ is shipped: a devDependency is not installed for users.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Keep `import type` edges (compiled JS drops them): the stages' rule depends on seeing them as types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    cache: false,
  },
};
