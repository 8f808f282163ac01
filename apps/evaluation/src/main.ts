import { runService } from '@passerelle/platform/bootstrap';
import { evaluationApp } from './evaluation.app';
import { runRebuildCommand } from './projections/rebuild.command';

if (process.argv[2] === 'rebuild') {
  void runRebuildCommand().then((code) => process.exit(code));
} else {
  void runService(evaluationApp);
}
