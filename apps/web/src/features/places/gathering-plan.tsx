import type { GatheringPlan } from '@homeward/domain';
import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonName } from '../registry/person-text';

/** How many children would move into the target shelter from each place, and whether they all fit. */
export function GatheringPlanView({ plan }: { plan: GatheringPlan }) {
  const { t } = useTranslation();
  const fits = plan.targetHasCapacity;
  return (
    <Alert
      color={fits === false ? 'red' : fits === null ? 'gray' : 'teal'}
      variant="light"
      title={t('places.plan.title', { name: plan.target.name })}
      data-testid="gathering-plan"
    >
      <Text size="sm" mb="xs">
        {t('places.plan.summary', { n: plan.childrenToMove })}{' '}
        {fits === null ? t('places.plan.unknownCapacity') : fits ? t('places.plan.fits', { free: plan.target.free ?? 0 }) : t('places.plan.shortfall', { n: plan.shortfall })}
      </Text>
      {plan.moves.length > 0 ? (
        <Table verticalSpacing={2} fz="sm" aria-label={t('places.plan.movesLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('places.plan.from')}</Table.Th>
              <Table.Th scope="col">{t('places.plan.children')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.moves.map((move) => (
              <Table.Tr key={move.placeId}>
                <Table.Td>
                  <PersonName name={move.placeName} />
                </Table.Td>
                <Table.Td>{move.children}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Alert>
  );
}
