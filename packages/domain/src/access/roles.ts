import { z } from 'zod';

/** The roles of DOMAIN.md; partners included from the start so that sharing rules have somewhere to live. */
export const ROLES = [
  'consular_officer',
  'caseworker',
  'medical_officer',
  'family_liaison',
  'supervisor',
  'administrator',
  'icrc_delegate',
  'receiving_agency',
  'data_protection_officer',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Field categories: a person's record is cut into these, and each role sees only the categories it needs
 * (need-to-know). A category a role may not see is absent from responses, never blanked.
 */
export const FIELD_CATEGORIES = [
  'identity',
  'location',
  'contact',
  'medical',
  'genetic',
  'legal_detention',
  'notes',
] as const;
export const fieldCategorySchema = z.enum(FIELD_CATEGORIES);
export type FieldCategory = z.infer<typeof fieldCategorySchema>;

/**
 * Record scope, from narrowest to widest. `shared` is the partner scope: records explicitly shared with
 * the user's organisation (ICRC family links) or handed over to it (receiving agency).
 */
export const SCOPES = ['shared', 'assigned', 'team', 'mission', 'all'] as const;
export const scopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof scopeSchema>;
