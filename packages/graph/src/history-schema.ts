import { z } from 'zod';

export const FileHistory = z.object({
  path: z.string().describe('File, relative to the graph root'),
  commits: z.number().int().describe('Commits that changed it (within the window, huge commits left out)'),
  churn: z.number().int().describe('Lines added plus lines deleted over those commits'),
  authors: z.record(z.string(), z.number().int()).describe('Author (email) -> commits that changed the file'),
  owners: z
    .array(z.string())
    .optional()
    .describe('Its owners by CODEOWNERS (last matching rule), e.g. @shop/payments-team'),
});

export const CoChange = z.object({
  a: z.string(),
  b: z.string().describe('b > a: each pair once'),
  commits: z.number().int().describe('Commits that changed both'),
});

/** What the git history says about the analysed files; present when `seams analyze --history` read it. */
export const History = z.object({
  commits: z.number().int().describe('Commits read (merges excluded)'),
  skipped: z
    .number()
    .int()
    .describe('Commits left out for touching more files than maxFilesPerCommit (mass renames, formatting)'),
  since: z.string().optional().describe('Oldest commit date read, ISO 8601'),
  until: z.string().optional().describe('Newest commit date read, ISO 8601'),
  maxFilesPerCommit: z.number().int(),
  files: z.array(FileHistory).describe('Analysed files that changed in the window, by path'),
  cochange: z.array(CoChange).describe('Pairs of analysed files changed together in at least two commits'),
  teams: z.record(z.string(), z.string()).optional().describe('Author (email) -> team, from the seams config'),
});

export type FileHistory = z.infer<typeof FileHistory>;
export type CoChange = z.infer<typeof CoChange>;
export type History = z.infer<typeof History>;
