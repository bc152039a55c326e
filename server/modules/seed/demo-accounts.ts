import type { UserRole } from '../../../shared/auth/auth.types';

export interface DemoAccount {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

/** Shared by every demo account; documented in the README. Never used outside demo data. */
export const DEMO_PASSWORD = 'lensbridge-demo';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'client@demo.lensbridge.test',
    name: 'Amara Client',
    role: 'client',
    password: DEMO_PASSWORD,
  },
  {
    email: 'photographer@demo.lensbridge.test',
    name: 'Jonas Photographer',
    role: 'photographer',
    password: DEMO_PASSWORD,
  },
  {
    email: 'admin@demo.lensbridge.test',
    name: 'Dana Admin',
    role: 'admin',
    password: DEMO_PASSWORD,
  },
];
