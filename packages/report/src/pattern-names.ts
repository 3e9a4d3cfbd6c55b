import type { TablePattern } from '@seams/graph';

/** How reports name the patterns for untying a shared table. */
export const PATTERN_NAMES: Record<TablePattern['kind'], string> = {
  'wrapping-service': 'wrapping service',
  'database-view': 'database view',
  'change-data-capture': 'change data capture',
  'choose-owner': 'choose an owner',
};
