import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type UserListQuery, userListQuerySchema } from '../../../shared/admin/admin.schema';
import type { UserListDto } from '../../../shared/admin/admin.types';
import { Roles } from '../../common/auth/decorators';
import { AdminService } from './admin.service';

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @ApiOperation({ summary: 'Accounts, newest first (admins only)' })
  @Get('users')
  listUsers(@Query({ schema: userListQuerySchema }) query: UserListQuery): Promise<UserListDto> {
    return this.admin.listUsers(query);
  }
}
