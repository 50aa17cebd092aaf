import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  demoMode: z.boolean(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
