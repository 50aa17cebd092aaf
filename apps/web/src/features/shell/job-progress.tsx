import { Paper, Progress, Stack, Text } from '@mantine/core';

/** A background job's state as the server reports it (`GET /api/jobs/:id`, a screen's view). */
export interface JobState {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number | null };
}

/**
 * The bar of a background job: striped while it runs (full and striped while the total is unknown), full
 * once it has finished, red when it failed; `text` says the same in words, announced as it changes.
 */
export function JobProgress({ job, label, text, testId }: { job: JobState; label: string; text: string; testId: string }) {
  const { done, total } = job.progress;
  const finished = job.status === 'succeeded' || job.status === 'failed';
  const percent = finished ? 100 : total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Stack gap={4}>
      <Progress
        value={job.status === 'queued' || (total === null && !finished) ? 100 : percent}
        striped={!finished}
        animated={!finished}
        color={job.status === 'failed' ? 'red' : finished ? 'teal' : 'blue'}
        size="xl"
        aria-label={label}
        data-testid={testId}
      />
      <Text size="sm" aria-live="polite" data-testid={`${testId}-text`}>
        {text}
      </Text>
    </Stack>
  );
}

/** One count of a result (created, undisputed, markers…), large and left-to-right in every language. */
export function CountTile({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} className="ltr-token" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}
