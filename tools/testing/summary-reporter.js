// Prints one plain closing line, "N passed, N failed", that CI log readers
// recognise whatever the runner.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suffix = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${suffix}\n`);
  }
}
module.exports = SummaryReporter;
