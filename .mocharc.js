// mocha's settings for the Node tests, read by `mocha` (npm run test:unit) and by test/run.js (npm test)
// alike. The timeout only catches a hung test (speed is what test/unit/linearTime.test.ts and the bench
// measure): the l10n test runs vscode-l10n-dev's export over all of src (4–7 s alone, 9 s on two busy
// cores), a CLI test starts twenty processes, and on a loaded two-core machine 20 s was not always
// enough; mocha's default of 2 s fails them every time.
module.exports = {
  ui: 'bdd',
  timeout: 60_000,
};
