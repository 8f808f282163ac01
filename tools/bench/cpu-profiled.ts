/**
 * Runs a service's entry point under the V8 CPU profiler, for
 * `bench:pipeline --cpu-prof <service>`: Node refuses `--cpu-prof` in
 * NODE_OPTIONS, and the services are started as `node <main>`, so this
 * script stands in for <main> (BENCH_PROFILED_MAIN) and writes the profile
 * to BENCH_PROFILE_FILE when the process ends (after its graceful shutdown).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const main = process.env['BENCH_PROFILED_MAIN'];
const file = process.env['BENCH_PROFILE_FILE'];
if (!main || !file) throw new Error('cpu-profiled: BENCH_PROFILED_MAIN and BENCH_PROFILE_FILE are required');

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
let written = false;
function writeProfile(): void {
  if (written) return;
  written = true;
  // An in-thread inspector session answers synchronously, so this completes before the process ends.
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(file!, JSON.stringify(result.profile));
  });
}
process.on('exit', writeProfile);
// Nest handles the first SIGTERM (graceful shutdown), then raises it again to end the
// process, which would skip 'exit' handlers: that second one ends it here instead.
let terms = 0;
process.on('SIGTERM', () => {
  terms += 1;
  if (terms < 2) return;
  writeProfile();
  process.exit(0);
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry point is only known at run time
require(main);
