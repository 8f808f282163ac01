import { Module } from '@nestjs/common';
import { ProgramsController } from './api/programs.controller';
import { CloseProgramUseCase } from './application/close-program.use-case';
import { CreateProgramUseCase } from './application/create-program.use-case';
import { PublishProgramUseCase } from './application/publish-program.use-case';
import { GetProgramUseCase, ListProgramsUseCase } from './application/read-programs.use-case';
import { UpdateProgramUseCase } from './application/update-program.use-case';

/** Programmes: objectives, dates, cadence, matching modes, intake window; draft → published → closed. */
@Module({
  controllers: [ProgramsController],
  providers: [CreateProgramUseCase, ListProgramsUseCase, GetProgramUseCase, UpdateProgramUseCase, PublishProgramUseCase, CloseProgramUseCase],
})
export class ProgramsModule {}
