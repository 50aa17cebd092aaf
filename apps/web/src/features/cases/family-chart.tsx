import type { PersonRecord, RelationshipKind } from '@homeward/domain';
import { Badge, Card, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvidenceLevel, Sex } from '../registry/labels';
import { useLabels } from '../registry/labels';
import { PersonName } from '../registry/person-text';

type Generation = 'above' | 'beside' | 'below';

/** Where a relative sits in the chart: parents' generation above, own beside, children's below. */
const GENERATION: Record<RelationshipKind, Generation> = {
  mother: 'above',
  father: 'above',
  grandparent: 'above',
  aunt_uncle: 'above',
  guardian: 'above',
  sibling: 'beside',
  half_sibling: 'beside',
  cousin: 'beside',
  spouse: 'beside',
  child: 'below',
  grandchild: 'below',
  niece_nephew: 'below',
  ward: 'below',
};

interface ChartPerson {
  key: string;
  personId: string;
  name: string | null;
  sex: Sex | null;
  relation: RelationshipKind | null;
  evidence: EvidenceLevel | null;
  openCaseId: string | null;
}

function PersonBox({ person, self = false }: { person: ChartPerson; self?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const target = person.openCaseId !== null ? `/cases/${person.openCaseId}` : `/people/${person.personId}`;
  const name = person.name ?? t('registry.unnamed');
  const content = (
    <div className={`family-box${self ? ' family-box-self' : ''}`} data-testid={self ? 'family-self' : `family-${person.relation ?? 'relative'}`}>
      <Text size="xs" c="dimmed" fw={600}>
        {person.relation ? labels.relationship(person.relation) : t('family.self')}
      </Text>
      <Text size="sm" fw={600}>
        <PersonName name={person.name} />
      </Text>
      <Text size="xs" c="dimmed">
        {person.sex ? labels.sex(person.sex) : '—'}
      </Text>
      {person.evidence ? (
        <Badge size="xs" variant="light" color={person.evidence === 'claimed' ? 'gray' : 'teal'} tt="none" mt={4}>
          {labels.evidence(person.evidence)}
        </Badge>
      ) : null}
      {self ? null : <VisuallyHidden>{person.openCaseId !== null ? t('person.caseOf', { name }) : t('person.recordOf', { name })}</VisuallyHidden>}
    </div>
  );
  if (self) return content;
  return (
    <UnstyledButton component={Link} to={target}>
      {content}
    </UnstyledButton>
  );
}

function Row({ people, label }: { people: ChartPerson[]; label: string }) {
  if (people.length === 0) return null;
  return (
    <ul className="family-row" aria-label={label}>
      {people.map((p) => (
        <li key={p.key}>
          <PersonBox person={p} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The person and their linked relatives as a small tree: parents' generation above, siblings and spouse
 * beside, children below. Each box gives name, sex and how well the link is proven, and opens the
 * relative's case when they have one, else their record.
 */
export function FamilyChart({ person }: { person: PersonRecord }) {
  const { t } = useTranslation();
  // The relationships carry the relative's sex and open case: no extra (audited) read of each relative.
  const chart: ChartPerson[] = person.relationships.map((r) => ({
    key: r.id,
    personId: r.relatedPersonId,
    name: r.relatedDisplayName,
    sex: r.relatedSex,
    relation: r.kind,
    evidence: r.evidenceLevel,
    openCaseId: r.relatedOpenCaseId,
  }));
  const at = (g: Generation) => chart.filter((p) => p.relation && GENERATION[p.relation] === g);
  const above = at('above');
  const beside = at('beside');
  const below = at('below');
  const self: ChartPerson = { key: person.id, personId: person.id, name: person.displayName, sex: person.sex, relation: null, evidence: null, openCaseId: null };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="family-title">
      <Title order={2} size="h4" mb="sm" id="family-title">
        {t('family.title')}
      </Title>
      {chart.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('family.empty')}
        </Text>
      ) : null}
      <div className="family-chart" data-testid="family-chart">
        <Row people={above} label={t('family.above')} />
        {above.length ? <div className="family-connector" aria-hidden /> : null}
        <ul className="family-row" aria-label={t('family.beside')}>
          {beside.slice(0, Math.ceil(beside.length / 2)).map((p) => (
            <li key={p.key}>
              <PersonBox person={p} />
            </li>
          ))}
          <li>
            <PersonBox person={self} self />
          </li>
          {beside.slice(Math.ceil(beside.length / 2)).map((p) => (
            <li key={p.key}>
              <PersonBox person={p} />
            </li>
          ))}
        </ul>
        {below.length ? <div className="family-connector" aria-hidden /> : null}
        <Row people={below} label={t('family.below')} />
      </div>
    </Card>
  );
}
