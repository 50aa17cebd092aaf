import { Anchor, Badge, Center, Loader, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../i18n/format';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { useMyTasksQuery } from './cases.queries';

/** The open tasks assigned to me, overdue ones first and marked. */
export function MyTasksPage() {
  const { t, i18n } = useTranslation();
  const tasks = useMyTasksQuery();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <>
      <PageHeader title={t('tasks.mineTitle')} intro={t('tasks.mineIntro')} />
      {tasks.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : tasks.data.length === 0 ? (
        <Text>{t('tasks.mineEmpty')}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm" aria-label={t('tasks.mineTitle')} data-testid="my-tasks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tasks.title')}</Table.Th>
                  <Table.Th scope="col">{t('tasks.case')}</Table.Th>
                  <Table.Th scope="col">{t('tasks.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.data.map((task) => (
                  <Table.Tr key={task.id} bg={task.overdue ? 'red.0' : undefined}>
                    <Table.Td>
                      <bdi dir="auto">{task.title}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${task.caseId}`} className="ltr-token">
                        {task.caseReference ?? task.caseId.slice(0, 8)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {task.dueOn ? formatCalendarDate(task.dueOn, language) : '—'}
                      {task.overdue ? (
                        <Badge color="red" variant="filled" ms="xs" tt="none">
                          {t('tasks.overdue')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
