/**
 * The ceiling of `bench:http`: a Nest application on the same HTTP platform
 * (Express) with one endpoint that answers a small JSON object and does
 * nothing else — no guard, no database, no logging. Run as its own process:
 * `node dist/tools/bench/minimal-nest-app.js <port>`; it says "listening" on
 * stdout once it serves.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller('ping')
class PingController {
  @Get()
  ping(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [PingController] })
class MinimalModule {}

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const app = await NestFactory.create(MinimalModule, { logger: false });
  app.enableShutdownHooks();
  await app.listen(port, '127.0.0.1');
  process.stdout.write('listening\n');
}

void main();
