import { mongoose } from './mongoose/index.ts';
import { prisma } from './prisma/index.ts';
import { queryBuilder } from './query-builder/index.ts';
import { sequelizeAssociations } from './sequelize/associations.ts';
import { sequelize } from './sequelize/index.ts';
import { slonik } from './slonik/index.ts';
import { sql } from './sql/index.ts';
import { typeorm } from './typeorm/index.ts';
import type { DataDetector } from './types.ts';

/** Every data detector, in the order their accesses are listed when two share a line. */
export const DATA_DETECTORS: readonly DataDetector[] = [
  queryBuilder,
  sql,
  prisma,
  sequelize,
  mongoose,
  typeorm,
  sequelizeAssociations,
  slonik,
];
