import type { ProgramPublishedData } from '@passerelle/contracts';
import type { ProgramEntity } from '../infrastructure/program.entity';

type Snapshot = Omit<ProgramPublishedData, 'publishedBy' | 'publishedAt'>;

/** The programme as the `program.*` events carry it (libs/contracts/src/events/intake.events.ts). */
export function programSnapshot(program: ProgramEntity): Snapshot {
  return {
    programId: program.id,
    networkId: program.networkId,
    name: program.name,
    objectives: [...program.objectives],
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    cadenceDays: program.cadenceDays,
    matchingModes: [...program.matchingModes],
    defaultMentorCapacity: program.defaultMentorCapacity,
    intakeOpensOn: program.intakeOpensOn,
    intakeClosesOn: program.intakeClosesOn,
  };
}
