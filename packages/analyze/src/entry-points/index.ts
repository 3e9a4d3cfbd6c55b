import { cli } from './cli/index.ts';
import { express } from './express/index.ts';
import { fastify } from './fastify/index.ts';
import { hono } from './hono/index.ts';
import { graphql } from './graphql/index.ts';
import { koa } from './koa/index.ts';
import { nestjs } from './nestjs/index.ts';
import { queue } from './queue/index.ts';
import { schedule } from './schedule/index.ts';
import type { EntryDetector } from './types.ts';

/** Every entry-point detector; a file is walked for entry points only when one of their text tests passes. */
export const ENTRY_DETECTORS: readonly EntryDetector[] = [
  express,
  koa,
  fastify,
  hono,
  nestjs,
  graphql,
  queue,
  schedule,
  cli,
];
