import type { UserDto } from '../auth/auth.types';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type UserListDto = Page<UserDto>;
