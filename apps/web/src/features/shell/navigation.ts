import type { Permission } from '@homeward/domain';
import { IconBuildingCommunity, IconChecklist, IconFolders, IconHome, IconListCheck, IconUserPlus, IconUsers } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';

/** One entry of the main navigation; shown only to those holding `permission` (when set). */
export interface NavEntry {
  to: string;
  labelKey: 'shell.home' | 'shell.cases' | 'shell.myTasks' | 'shell.register' | 'shell.places' | 'shell.users' | 'shell.audit';
  icon: Icon;
  permission?: Permission;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: '/', labelKey: 'shell.home', icon: IconHome },
  { to: '/cases', labelKey: 'shell.cases', icon: IconFolders, permission: 'case.list' },
  { to: '/tasks', labelKey: 'shell.myTasks', icon: IconChecklist, permission: 'case.read' },
  { to: '/register', labelKey: 'shell.register', icon: IconUserPlus, permission: 'person.create' },
  { to: '/places', labelKey: 'shell.places', icon: IconBuildingCommunity, permission: 'place.list' },
  { to: '/users', labelKey: 'shell.users', icon: IconUsers, permission: 'user.list' },
  { to: '/audit', labelKey: 'shell.audit', icon: IconListCheck, permission: 'audit.read' },
];
