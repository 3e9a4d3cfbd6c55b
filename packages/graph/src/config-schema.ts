import { z } from 'zod';

/** seams.config.json in the project folder: settings a team commits once instead of passing flags. */
export const SeamsConfig = z
  .object({
    $schema: z.string().optional(),
    history: z
      .union([
        z.boolean(),
        z
          .object({
            since: z
              .string()
              .optional()
              .describe("Oldest commits to read, as git takes it: '12 months ago', '2025-01-01'"),
            maxCommits: z
              .number()
              .int()
              .positive()
              .optional()
              .describe('Newest commits to read at most (default 5000)'),
            maxFilesPerCommit: z
              .number()
              .int()
              .positive()
              .optional()
              .describe('Commits touching more files are left out as mass renames or formatting (default 50)'),
          })
          .strict(),
      ])
      .optional()
      .describe('Read the git history (churn, authors, co-change) on every analysis, as --history does'),
    teams: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('Team -> the people in it (git author emails or names)'),
  })
  .strict();

export type SeamsConfig = z.infer<typeof SeamsConfig>;
