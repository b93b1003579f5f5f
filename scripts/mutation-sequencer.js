// Test order for mutation runs (stryker.config.mjs): Stryker stops a mutant's run at the first failing test file
// (bail), so the focused, fast tests go first (rule fixtures, then the construct tests) and the broad, slow ones
// last (property tests, safety audits). Plain JavaScript: jest loads it without ts-jest.
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = [
  '/test/validation/rules/', '/test/validation/', '/test/storage/', '/test/routing/', '/test/database/', '/test/workload/',
  '/test/platform/', '/test/lock/', '/test/cli/', '/test/plugin/', '/test/safety/', '/test/property/regressions',
  '/test/property/',
];

function rank(path) {
  const i = ORDER.findIndex((prefix) => path.includes(prefix));
  return i < 0 ? ORDER.length : i;
}

class MutationSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

module.exports = MutationSequencer;
