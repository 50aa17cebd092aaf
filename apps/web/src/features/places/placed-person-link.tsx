import type { PlacedPerson } from '@homeward/domain';
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonName } from '../registry/person-text';

/** A person on the board, linked to their open case, or to their record when they have none. */
export function PlacedPersonLink({ person }: { person: PlacedPerson }) {
  const { t } = useTranslation();
  const name = person.displayName ?? t('registry.unnamed');
  const to = person.openCaseId ? `/cases/${person.openCaseId}` : `/people/${person.id}`;
  return (
    <Anchor component={Link} to={to} size="sm" aria-label={person.openCaseId ? t('person.caseOf', { name }) : t('person.recordOf', { name })}>
      <PersonName name={person.displayName} />
    </Anchor>
  );
}
