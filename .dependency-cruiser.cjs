// The house plan, checked: imports point down the floors, never in a cycle, and only the Node
// floor (src/node, and the command line above it) imports Node's built-ins. Run by `npm test`
// (`npx depcruise src` alone prints the violations). Tests may import across floors.
const floors = [
  ['cli'],
  ['node', 'browser'],
  ['worker'],
  ['interop'],
  ['classifier'],
  ['model'],
  ['doctor'],
  ['layers', 'losses', 'optimizers', 'metrics', 'callbacks', 'data', 'report', 'vis', 'threshold', 'activations', 'initializers', 'regularizers'],
  ['tensor', 'kernels', 'random', 'utils'],
];
const folder = (names) => `^src/(${names.join('|')})/`;
const tests = '\\.test\\.ts$|\\.fixture\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A cycle ties floors together; declare a small interface (a port) below and pass an object in.',
      severity: 'error',
      from: { path: '^src/', pathNot: tests },
      to: { circular: true },
    },
    {
      name: 'node-builtins-only-in-the-node-floor',
      comment: 'The root must bundle for browsers: Node built-ins belong in src/node (or src/cli).',
      severity: 'error',
      from: { path: '^src/', pathNot: `${folder(['node', 'cli'])}|${tests}` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-dynamic-import',
      comment:
        'A lazy import from a lower floor is a cycle in disguise; import statically, or pass a port in. The ' +
        'command line, the top floor (nothing imports it), may load the report writer (Vega) only when asked.',
      severity: 'error',
      from: { path: '^src/', pathNot: `${folder(['cli'])}|${tests}` },
      to: { dependencyTypes: ['dynamic-import'] },
    },
    ...floors.slice(1).map((floor, index) => ({
      name: `floor-${floor[0]}-imports-down-only`,
      comment: 'A lower floor never imports a higher one (see STYLE.md, "The house plan").',
      severity: 'error',
      from: { path: folder(floor), pathNot: tests },
      to: { path: folder(floors.slice(0, index + 1).flat()) },
    })),
    {
      name: 'errors-import-nothing',
      severity: 'error',
      from: { path: '^src/errors\\.ts$' },
      to: { path: '^src/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: tests },
  },
};
