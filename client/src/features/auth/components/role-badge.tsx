import type { UserRole } from '@shared/auth/auth.types';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export const roleLabels: Record<UserRole, string> = {
  client: 'Client',
  photographer: 'Photographer',
  admin: 'Admin',
};

const roleTones: Record<UserRole, BadgeTone> = {
  client: 'neutral',
  photographer: 'accent',
  admin: 'warn',
};

export function RoleBadge({ role }: { role: UserRole }) {
  return <Badge tone={roleTones[role]}>{roleLabels[role]}</Badge>;
}
