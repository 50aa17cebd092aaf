import { z } from 'zod';

/**
 * What a transition may require before it is allowed; each is checked by the server against the record.
 * - `name`: at least one recorded name
 * - `birth`: a birth date or an estimated age
 * - `current_placement`: the person is placed somewhere now
 * - `identity_decision`: a supervisor recorded an identity decision
 * - `parent_link`: a mother or father linked with evidence at least "documented"
 * - `no_open_tasks`: every task of the case is done or cancelled
 */
export const REQUIREMENTS = ['name', 'birth', 'current_placement', 'identity_decision', 'parent_link', 'no_open_tasks'] as const;
export const requirementSchema = z.enum(REQUIREMENTS);
export type Requirement = z.infer<typeof requirementSchema>;

export const caseKindSchema = z.enum(['child', 'adult']);
export type CaseKind = z.infer<typeof caseKindSchema>;

/** A case workflow as data: stages, allowed transitions and what each requires. A legal officer can read it. */
export const workflowDefinitionSchema = z.object({
  kind: caseKindSchema,
  version: z.number().int().positive(),
  initial: z.string(),
  stages: z.array(z.object({ code: z.string().regex(/^[a-z_]+$/), terminal: z.boolean().default(false) })).min(2),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), requires: z.array(requirementSchema).default([]) })),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;

const forward = (stages: readonly string[], requires: Record<string, Requirement[]>) =>
  stages.slice(0, -1).flatMap((from, i) => {
    const to = stages[i + 1]!;
    return [
      { from, to, requires: requires[to] ?? [] },
      // One step back, to correct a mistake; the reason says why.
      { from: to, to: from, requires: [] },
    ];
  });

const CHILD_STAGES = [
  'reported',
  'registered',
  'placed',
  'identified',
  'citizenship_established',
  'documents_issued',
  'clearances_obtained',
  'ready_to_travel',
  'returned',
  'followed_up',
  'closed',
];

const ADULT_STAGES = [
  'reported',
  'registered',
  'detained',
  'consular_access',
  'identified',
  'citizenship_established',
  'documents_issued',
  'clearances_obtained',
  'ready_to_travel',
  'returned',
  'followed_up',
  'closed',
];

const withClose = (stages: string[], t: WorkflowDefinition['transitions']): WorkflowDefinition['transitions'] => [
  ...t,
  // A case may be closed from any open stage (death, found to be no national, duplicate), with a reason.
  ...stages.slice(0, -2).map((from) => ({ from, to: 'closed', requires: ['no_open_tasks'] as Requirement[] })),
];

/** The default workflows of DOMAIN.md, seeded at first start and editable as reference data. */
export const DEFAULT_WORKFLOWS: Readonly<Record<CaseKind, WorkflowDefinition>> = {
  child: {
    kind: 'child',
    version: 1,
    initial: 'reported',
    stages: CHILD_STAGES.map((code) => ({ code, terminal: code === 'closed' })),
    transitions: withClose(
      CHILD_STAGES,
      forward(CHILD_STAGES, {
        registered: ['name'],
        placed: ['current_placement'],
        identified: ['identity_decision'],
        citizenship_established: ['parent_link'],
        closed: ['no_open_tasks'],
      }),
    ),
  },
  adult: {
    kind: 'adult',
    version: 1,
    initial: 'reported',
    stages: ADULT_STAGES.map((code) => ({ code, terminal: code === 'closed' })),
    transitions: withClose(
      ADULT_STAGES,
      forward(ADULT_STAGES, {
        registered: ['name'],
        identified: ['identity_decision'],
        closed: ['no_open_tasks'],
      }),
    ),
  },
};

/** The facts about a case that requirements are checked against. */
export type RequirementFacts = Readonly<Record<Requirement, boolean>>;

/** One possible next stage, and what is still missing before it may be taken. */
export interface TransitionOption {
  to: string;
  missing: Requirement[];
}

/** Every transition out of `from`, with the requirements not yet met: the UI shows them; the server enforces. */
export function transitionOptions(definition: WorkflowDefinition, from: string, facts: RequirementFacts): TransitionOption[] {
  return definition.transitions
    .filter((t) => t.from === from)
    .map((t) => ({ to: t.to, missing: t.requires.filter((r) => !facts[r]) }));
}

/** Why a transition is refused, or null when it is allowed. */
export function transitionProblem(definition: WorkflowDefinition, from: string, to: string, facts: RequirementFacts): string | null {
  const t = definition.transitions.find((x) => x.from === from && x.to === to);
  if (!t) return `A ${definition.kind} case cannot move from "${from}" to "${to}".`;
  const missing = t.requires.filter((r) => !facts[r]);
  return missing.length ? `Before "${to}", the case needs: ${missing.map((m) => REQUIREMENT_TEXT[m]).join('; ')}.` : null;
}

export const REQUIREMENT_TEXT: Readonly<Record<Requirement, string>> = {
  name: 'at least one recorded name',
  birth: 'a birth date or an estimated age',
  current_placement: 'a current placement',
  identity_decision: 'an identity decision by a supervisor',
  parent_link: 'a mother or father linked with documentary evidence or better',
  no_open_tasks: 'no open tasks',
};

/** Checks a definition is coherent (every stage named in a transition exists, the initial stage exists). */
export function workflowProblems(definition: WorkflowDefinition): string[] {
  const codes = new Set(definition.stages.map((s) => s.code));
  const problems: string[] = [];
  if (!codes.has(definition.initial)) problems.push(`initial stage "${definition.initial}" is not a stage`);
  for (const t of definition.transitions) {
    if (!codes.has(t.from)) problems.push(`transition from unknown stage "${t.from}"`);
    if (!codes.has(t.to)) problems.push(`transition to unknown stage "${t.to}"`);
  }
  return problems;
}
