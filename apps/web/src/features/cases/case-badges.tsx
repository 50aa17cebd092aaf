import { Badge } from '@mantine/core';
import type { Priority } from '../registry/labels';
import { useLabels } from '../registry/labels';

const PRIORITY_COLOURS: Record<Priority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

/** The stage of a case, translated; a closed case is grey. */
export function StageBadge({ stage, closed = false, size = 'md' }: { stage: string; closed?: boolean; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useLabels();
  return (
    <Badge variant="light" color={closed ? 'gray' : 'indigo'} tt="none" size={size} data-testid="stage-badge">
      {labels.stage(stage)}
    </Badge>
  );
}

export function PriorityBadge({ priority, size = 'md' }: { priority: Priority; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useLabels();
  return (
    <Badge variant={priority === 'urgent' ? 'filled' : 'light'} color={PRIORITY_COLOURS[priority]} tt="none" size={size}>
      {labels.priority(priority)}
    </Badge>
  );
}
