import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTracingListQuery } from './tracing.queries';

/**
 * On a person's page: this record describes someone a relative is looking for (or a parent they described),
 * not a person found; with links to the tracing requests that name them. Nothing when no request does.
 */
export function SoughtInRequests({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const list = useTracingListQuery({ personId });
  const requests = list.data?.pages.flatMap((p) => p.requests) ?? [];
  if (requests.length === 0) return null;
  const sought = requests.some((r) => r.soughtPeople.some((p) => p.id === personId));
  return (
    <Alert color="violet" variant="light" icon={<IconUserSearch aria-hidden />} data-testid="sought-in-requests" p="sm">
      <Group gap={6}>
        <Text size="sm">{sought ? t('tracing.person.sought') : t('tracing.person.parent')}</Text>
        {requests.map((r, i) => (
          <Fragment key={r.id}>
            {i > 0 ? ', ' : null}
            <Anchor component={Link} to={`/tracing/${r.id}`} size="sm" className="ltr-token" fw={600}>
              {r.reference}
            </Anchor>
          </Fragment>
        ))}
      </Group>
    </Alert>
  );
}
