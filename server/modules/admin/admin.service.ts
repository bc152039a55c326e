import { Injectable } from '@nestjs/common';
import type { UserListQuery } from '../../../shared/admin/admin.schema';
import type { UserListDto } from '../../../shared/admin/admin.types';
import { toUserDto, UsersService } from '../users/users.service';

@Injectable()
export class AdminService {
  constructor(private readonly users: UsersService) {}

  async listUsers(query: UserListQuery): Promise<UserListDto> {
    const { items, total } = await this.users.list(query);
    return { items: items.map(toUserDto), page: query.page, pageSize: query.pageSize, total };
  }
}
