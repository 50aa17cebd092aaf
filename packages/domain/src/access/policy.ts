import type { FieldCategory, Role, Scope } from './roles';

/**
 * The one declarative access policy: role × resource × action → scope, plus the field categories each role
 * may read and write. The server enforces it (routes, SQL filters, presenters); the web app receives the
 * allowed actions derived from it and hides what a user may not do.
 */
export const RESOURCES = {
  person: ['list', 'read', 'create', 'update', 'share', 'decide_identity', 'import', 'export'],
  case: ['list', 'read', 'create', 'update', 'transition'],
  place: ['list', 'read', 'create', 'update'],
  user: ['list', 'read', 'create', 'update', 'disable', 'reset_second_factor'],
  audit: ['read', 'verify'],
  reference_data: ['read', 'update'],
  genetic: ['read', 'import', 'analyse', 'screen', 'confirm'],
  tracing_request: ['list', 'read', 'create', 'update', 'close'],
  /**
   * Match suggestions (tracing and duplicates): `review` reads the queue and a pair side by side and may say
   * "not sure" with a note; `confirm` decides a pair (confirm or reject), which is an identity decision.
   */
  matching: ['review', 'confirm'],
} as const;

export type Resource = keyof typeof RESOURCES;
export type Action<R extends Resource = Resource> = (typeof RESOURCES)[R][number];
/** A permission names one action on one resource, e.g. `person.read`. */
export type Permission = { [R in Resource]: `${R}.${(typeof RESOURCES)[R][number]}` }[Resource];

export const ALL_PERMISSIONS: readonly Permission[] = Object.entries(RESOURCES).flatMap(([resource, actions]) =>
  actions.map((action) => `${resource}.${action}` as Permission),
);

type Grants = Partial<Record<Permission, Scope>>;

interface RolePolicy {
  /** What the role may do, and over which records. */
  grants: Grants;
  /** Field categories of a person the role may read. */
  read: readonly FieldCategory[];
  /** Field categories of a person the role may change. */
  write: readonly FieldCategory[];
}

/**
 * Tracing requests from relatives at home. Filing and keeping them is the family liaison's work (over the
 * requests they filed or whose sought people are assigned to them, as for their people); consular officers
 * and supervisors see the mission's, caseworkers their team's (children are traced back to families they
 * follow up). Closing a request ends tracing: not for caseworkers. See `tracing.policy.ts` for the scopes.
 */
const tracingWork = (scope: Scope, close: boolean): Grants => ({
  'tracing_request.list': scope,
  'tracing_request.read': scope,
  'tracing_request.create': scope,
  'tracing_request.update': scope,
  ...(close ? { 'tracing_request.close': scope } : {}),
});

const registryWork = (scope: Scope): Grants => ({
  'person.list': scope,
  'person.read': scope,
  'person.create': scope,
  'person.update': scope,
  'case.list': scope,
  'case.read': scope,
  'case.create': scope,
  'case.update': scope,
  'case.transition': scope,
  'place.list': 'mission',
  'place.read': 'mission',
});

export const POLICY: Readonly<Record<Role, RolePolicy>> = {
  consular_officer: {
    grants: {
      ...registryWork('mission'),
      'person.import': 'mission',
      'place.create': 'mission',
      'place.update': 'mission',
      'reference_data.read': 'all',
      ...tracingWork('mission', true),
      'matching.review': 'mission',
    },
    read: ['identity', 'location', 'contact', 'legal_detention', 'notes'],
    write: ['identity', 'location', 'contact', 'legal_detention', 'notes'],
  },
  caseworker: {
    grants: { ...registryWork('team'), 'reference_data.read': 'all', ...tracingWork('team', false) },
    read: ['identity', 'location', 'contact', 'notes'],
    write: ['identity', 'location', 'contact', 'notes'],
  },
  medical_officer: {
    grants: {
      'person.list': 'mission',
      'person.read': 'mission',
      'person.update': 'mission',
      'case.list': 'mission',
      'case.read': 'mission',
      'case.update': 'mission',
      'place.list': 'mission',
      'place.read': 'mission',
      'reference_data.read': 'all',
    },
    read: ['identity', 'location', 'medical'],
    write: ['medical'],
  },
  family_liaison: {
    // Tracing is their work: they review suggestions across the mission (a found child is rarely assigned to
    // them yet) and record "not sure" with what the family said; a supervisor confirms.
    grants: {
      ...registryWork('assigned'),
      'reference_data.read': 'all',
      'genetic.read': 'assigned',
      'genetic.import': 'assigned',
      ...tracingWork('assigned', true),
      'matching.review': 'mission',
    },
    read: ['identity', 'contact', 'genetic', 'notes'],
    write: ['identity', 'contact', 'genetic', 'notes'],
  },
  supervisor: {
    grants: {
      ...registryWork('mission'),
      'person.share': 'mission',
      'person.decide_identity': 'mission',
      'person.import': 'mission',
      'person.export': 'mission',
      'place.create': 'mission',
      'place.update': 'mission',
      'reference_data.read': 'all',
      'genetic.read': 'mission',
      'genetic.import': 'mission',
      'genetic.analyse': 'mission',
      'genetic.screen': 'mission',
      'genetic.confirm': 'mission',
      ...tracingWork('mission', true),
      'matching.review': 'mission',
      'matching.confirm': 'mission',
    },
    read: ['identity', 'location', 'contact', 'genetic', 'legal_detention', 'notes'],
    write: ['identity', 'location', 'contact', 'legal_detention', 'notes'],
  },
  administrator: {
    grants: {
      'user.list': 'all',
      'user.read': 'all',
      'user.create': 'all',
      'user.update': 'all',
      'user.disable': 'all',
      'user.reset_second_factor': 'all',
      'reference_data.read': 'all',
      'reference_data.update': 'all',
    },
    read: [],
    write: [],
  },
  icrc_delegate: {
    // Restoring family links is the ICRC's work: it reads the tracing requests whose sought people were shared
    // with it for family links, and changes none (the embassy's liaison keeps the request).
    grants: {
      'person.list': 'shared',
      'person.read': 'shared',
      'case.list': 'shared',
      'case.read': 'shared',
      'tracing_request.list': 'shared',
      'tracing_request.read': 'shared',
    },
    read: ['identity', 'location', 'contact'],
    write: [],
  },
  receiving_agency: {
    grants: {
      'person.list': 'shared',
      'person.read': 'shared',
      'person.update': 'shared',
      'case.list': 'shared',
      'case.read': 'shared',
      'case.update': 'shared',
      'case.transition': 'shared',
    },
    read: ['identity', 'location', 'contact', 'notes'],
    write: ['location', 'contact', 'notes'],
  },
  data_protection_officer: {
    grants: {
      'audit.read': 'all',
      'audit.verify': 'all',
      'person.list': 'all',
      'person.read': 'all',
      'person.export': 'all',
      'user.list': 'all',
      // A requester is a data subject too (their name lives only in the request): read-only, to answer access
      // requests; their contact details stay hidden (identity category only).
      'tracing_request.list': 'all',
      'tracing_request.read': 'all',
    },
    read: ['identity'],
    write: [],
  },
};

/** The scope over which `role` holds `permission`, or null when it does not hold it at all. */
export function scopeOf(role: Role, permission: Permission): Scope | null {
  return POLICY[role].grants[permission] ?? null;
}

/** Whether `role` holds `permission` over at least some records. */
export function can(role: Role, permission: Permission): boolean {
  return scopeOf(role, permission) !== null;
}

/** Field categories `role` may read on a person. */
export function readableCategories(role: Role): readonly FieldCategory[] {
  return POLICY[role].read;
}

/** Field categories `role` may change on a person. */
export function writableCategories(role: Role): readonly FieldCategory[] {
  return POLICY[role].write;
}

/** Every permission `role` holds, with its scope: sent to the web app so it can hide what is not allowed. */
export function permissionsOf(role: Role): Partial<Record<Permission, Scope>> {
  return { ...POLICY[role].grants };
}

const SCOPE_ORDER: readonly Scope[] = ['shared', 'assigned', 'team', 'mission', 'all'];

/** The widest scope any of `roles` holds for `permission`; a user with several roles gets their union. */
export function scopeForRoles(roles: readonly Role[], permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    const scope = scopeOf(role, permission);
    if (scope && (best === null || SCOPE_ORDER.indexOf(scope) > SCOPE_ORDER.indexOf(best))) best = scope;
  }
  return best;
}

/** Union of the field categories `roles` may read. */
export function readableCategoriesForRoles(roles: readonly Role[]): FieldCategory[] {
  return [...new Set(roles.flatMap((r) => POLICY[r].read))];
}

/** Union of the field categories `roles` may change. */
export function writableCategoriesForRoles(roles: readonly Role[]): FieldCategory[] {
  return [...new Set(roles.flatMap((r) => POLICY[r].write))];
}

/** Every permission held by any of `roles`, each with its widest scope. */
export function permissionsForRoles(roles: readonly Role[]): Partial<Record<Permission, Scope>> {
  const out: Partial<Record<Permission, Scope>> = {};
  for (const permission of ALL_PERMISSIONS) {
    const scope = scopeForRoles(roles, permission);
    if (scope) out[permission] = scope;
  }
  return out;
}
