import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

const COLORS = { success: 'green', info: 'blue', error: 'red' } as const;

/** A short toast after an action; its close button is labelled in the person's language. */
export function notify(kind: keyof typeof COLORS, message: string): void {
  notifications.show({
    color: COLORS[kind],
    message,
    closeButtonProps: { 'aria-label': i18next.t('common.close') },
  });
}
