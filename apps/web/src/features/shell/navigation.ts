import type { Permission } from '@homeward/domain';
import { IconHome, IconListCheck, IconUsers } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';

/** One entry of the main navigation; shown only to those holding `permission` (when set). */
export interface NavEntry {
  to: string;
  labelKey: 'shell.home' | 'shell.users' | 'shell.audit';
  icon: Icon;
  permission?: Permission;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: '/', labelKey: 'shell.home', icon: IconHome },
  { to: '/users', labelKey: 'shell.users', icon: IconUsers, permission: 'user.list' },
  { to: '/audit', labelKey: 'shell.audit', icon: IconListCheck, permission: 'audit.read' },
];
