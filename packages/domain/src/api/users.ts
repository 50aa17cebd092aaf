import { z } from 'zod';
import { roleSchema } from '../access/roles';
import { passwordSchema, usernameSchema } from './auth';

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  missionId: z.string().nullable(),
  teamId: z.string().nullable(),
  organisation: z.string().nullable(),
  disabled: z.boolean(),
  secondFactorEnrolled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const userListResponseSchema = z.object({ users: z.array(userViewSchema) });

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, 'Enter a display name.').max(120),
  password: passwordSchema,
  roles: z.array(roleSchema).min(1, 'Give the user at least one role.'),
  teamId: z.string().uuid().nullable().optional(),
  organisation: z.string().trim().max(120).nullable().optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    roles: z.array(roleSchema).min(1, 'Give the user at least one role.').optional(),
    teamId: z.string().uuid().nullable().optional(),
    organisation: z.string().trim().max(120).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Change at least one field.');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userIdParamsSchema = z.object({ id: z.string().uuid('Not a valid user id.') });
