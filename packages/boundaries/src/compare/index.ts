export { adjustedRandIndex } from './adjusted-rand.ts';
export { comparePartitions, type Agreement } from './compare-partitions.ts';
export { maxMno, mno, mojoDistance, mojoFm } from './mojo.ts';
export { normalizedMutualInformation } from './mutual-information.ts';
export { type Partition } from './partition.ts';
export { readTruthTsv } from './truth-tsv.ts';
