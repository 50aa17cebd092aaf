import type { CaseDetail } from '@homeward/domain';
import type { CaseworkTranslation } from '../../i18n/locales/casework/en';
import type { CaseFlag, Labels, Priority } from '../registry/labels';

export type TimelineEntry = CaseDetail['timeline'][number];
type SayKey = keyof CaseworkTranslation['timeline']['say'];

/** One translated sentence: its key under `timeline.say` and the values (already translated) it takes. */
export interface Sentence {
  key: SayKey;
  values: Record<string, string>;
}

/** How an entry reads: sentences in the reader's language, and text a person typed (a reason, a note) shown as written. */
export interface EntryWording {
  sentences: Sentence[];
  quote: string | null;
}

export interface WordingContext {
  labels: Labels;
  /** A calendar date (YYYY[-MM[-DD]]) in the reader's language. */
  date: (value: string) => string;
  /** The name of a linked relative, when the reader's record of the person holds it. */
  relativeName: (personId: string | null) => string | null;
}

const say = (key: SayKey, values: Record<string, string> = {}): Sentence => ({ key, values });

/**
 * Words a timeline entry from its kind and details (codes and values), in the reader's language. Returns
 * null when the details lack what the sentence needs (an older server), so the caller falls back to the
 * English summary.
 */
export function wordEntry(entry: TimelineEntry, ctx: WordingContext): EntryWording | null {
  const get = (key: string): string | null => entry.details[key] ?? null;
  const { labels } = ctx;
  switch (entry.kind) {
    case 'case_opened': {
      const to = get('toStage');
      if (!to) return null;
      // The opening's reason is the server's fixed English "Case opened": the sentence says it already.
      return { sentences: [say('caseOpened', { stage: labels.stage(to) })], quote: null };
    }
    case 'transition': {
      const from = get('fromStage');
      const to = get('toStage');
      if (!from || !to) return null;
      return { sentences: [say('transition', { from: labels.stage(from), to: labels.stage(to) })], quote: get('reason') };
    }
    case 'task': {
      const title = get('title');
      const event = get('event');
      if (!title || !event) return null;
      const due = get('dueOn');
      if (event === 'created') {
        return { sentences: [due ? say('taskCreatedDue', { title, date: ctx.date(due) }) : say('taskCreated', { title })], quote: null };
      }
      const key: SayKey = event === 'done' ? 'taskDone' : event === 'cancelled' ? 'taskCancelled' : 'taskChanged';
      return { sentences: [say(key, { title })], quote: null };
    }
    case 'case_change':
      return wordCaseChange(get, ctx);
    case 'note': {
      const category = get('category');
      if (!category) return null;
      return { sentences: [say('note', { category: labels.category(category) })], quote: get('excerpt') };
    }
    case 'name': {
      const name = get('name');
      if (!name) return null;
      const values = { name, kind: labels.nameKind(get('nameKind') ?? ''), script: labels.script(get('script') ?? ''), source: labels.source(get('source') ?? '') };
      return { sentences: [say('name', values)], quote: null };
    }
    case 'birth': {
      const source = labels.source(get('source') ?? '');
      const date = get('date');
      const years = get('estimatedAgeYears');
      const on = get('estimatedOn');
      const place = get('place');
      const first = date
        ? say('birthDate', { date: ctx.date(date), source })
        : years && on
          ? say('birthEstimate', { years, on: ctx.date(on), method: labels.method(get('method') ?? ''), source })
          : place
            ? say('birthPlaceOnly', { source })
            : null;
      if (!first) return null;
      return { sentences: place ? [first, say('bornIn', { place })] : [first], quote: null };
    }
    case 'relationship': {
      const relationship = get('relationship');
      if (!relationship) return null;
      const values = { relationship: labels.relationship(relationship), evidence: labels.evidence(get('evidenceLevel') ?? ''), source: labels.source(get('source') ?? '') };
      const name = ctx.relativeName(entry.refId);
      return { sentences: [name ? say('relationship', { ...values, name }) : say('relationshipUnnamed', values)], quote: null };
    }
    case 'identity_decision':
      return { sentences: [say('identityDecision')], quote: get('evidence') };
    case 'placement': {
      const place = get('place');
      const start = get('startOn');
      if (!place || !start) return null;
      const end = get('endOn');
      const sentence = end
        ? say('placementEnded', { place, start: ctx.date(start), end: ctx.date(end) })
        : say('placement', { place, start: ctx.date(start) });
      const endReason = get('endReason');
      return { sentences: endReason ? [sentence, say('placementEndReason', { reason: endReason })] : [sentence], quote: get('reason') };
    }
  }
}

/** A change recorded as a case event: priority, flags, family, a task reassigned, rescheduled or reopened, an officer assigned. */
function wordCaseChange(get: (key: string) => string | null, ctx: WordingContext): EntryWording | null {
  const { labels } = ctx;
  const one = (sentence: Sentence | null): EntryWording | null => (sentence ? { sentences: [sentence], quote: null } : null);
  const title = get('title') ?? '';
  const to = get('to');
  switch (get('event') ?? '') {
    case 'priority': {
      const from = get('from');
      return from && to ? one(say('priorityChanged', { from: labels.priority(from as Priority), to: labels.priority(to as Priority) })) : null;
    }
    case 'flags': {
      const list = (key: string) => (get(key) ?? '').split(',').filter(Boolean).map((f) => labels.flag(f as CaseFlag));
      const sentences = [
        ...(list('added').length ? [say('flagsAdded', { flags: list('added').join(', ') })] : []),
        ...(list('removed').length ? [say('flagsRemoved', { flags: list('removed').join(', ') })] : []),
      ];
      return sentences.length ? { sentences, quote: null } : null;
    }
    case 'family':
      return one(say(to ? 'familyLinked' : 'familyUnlinked'));
    case 'task_assignee': {
      const name = get('toName');
      return one(to ? (name ? say('taskAssigned', { title, name }) : null) : say('taskUnassigned', { title }));
    }
    case 'task_due':
      return one(to ? say('taskDue', { title, date: ctx.date(to) }) : say('taskNoDue', { title }));
    case 'task_status':
      return one(to === 'done' ? say('taskDone', { title }) : to === 'cancelled' ? say('taskCancelled', { title }) : to === 'open' ? say('taskReopened', { title }) : null);
    case 'officer_assigned': {
      const name = get('toName');
      return one(name ? say('officerAssigned', { name }) : null);
    }
    default:
      return null;
  }
}
