import { z } from 'zod';
import { fieldCategorySchema, roleSchema, scopeSchema } from '../access/roles';

/** Minimum password length (OWASP ASVS 5.0 level 2: at least 15 characters, no composition rules). */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'A username has at least 3 characters.')
  .max(64, 'A username has at most 64 characters.')
  .regex(/^[a-z0-9._-]+$/, 'A username uses lower-case letters, digits, dot, dash and underscore only.');

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `A password has at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`);

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.').max(64),
  // Length is not checked at sign-in beyond an upper bound: a wrong password is simply wrong.
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** What the client must do next after a step of sign-in. */
export const signInStageSchema = z.enum(['authenticated', 'second_factor_required', 'enrolment_required']);
export type SignInStage = z.infer<typeof signInStageSchema>;

export const loginResponseSchema = z.object({ stage: signInStageSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, 'A code has 6 digits.');
export const totpVerifyRequestSchema = z.object({ code: totpCodeSchema });
export type TotpVerifyRequest = z.infer<typeof totpVerifyRequestSchema>;

export const recoveryRequestSchema = z.object({
  code: z.string().trim().min(8, 'Enter a recovery code.').max(32),
});
export type RecoveryRequest = z.infer<typeof recoveryRequestSchema>;

export const enrolmentResponseSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});
export type EnrolmentResponse = z.infer<typeof enrolmentResponseSchema>;

export const enrolConfirmResponseSchema = z.object({
  stage: z.literal('authenticated'),
  recoveryCodes: z.array(z.string()),
});
export type EnrolConfirmResponse = z.infer<typeof enrolConfirmResponseSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  missionId: z.string().nullable(),
  teamId: z.string().nullable(),
  organisation: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The signed-in user with what they may do: the web app hides every action not listed here. */
export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  permissions: z.record(z.string(), scopeSchema),
  readableCategories: z.array(fieldCategorySchema),
  writableCategories: z.array(fieldCategorySchema),
  demoMode: z.boolean(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
