import { type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '../../../shared/auth/auth.types';
import { Roles } from '../../common/auth/decorators';
import { RolesGuard } from './roles.guard';

class StudioController {
  @Roles('photographer')
  uploadProofs(): void {}

  anyone(): void {}
}

function contextFor(handler: keyof StudioController, role?: UserRole): ExecutionContext {
  return {
    getHandler: () => StudioController.prototype[handler],
    getClass: () => StudioController,
    switchToHttp: () => ({ getRequest: () => ({ auth: role ? { role } : undefined }) }),
  } as unknown as ExecutionContext;
}

describe(RolesGuard.name, () => {
  const sut = new RolesGuard(new Reflector());

  it('lets a photographer call a photographer-only route', () => {
    expect(sut.canActivate(contextFor('uploadProofs', 'photographer'))).toBe(true);
  });

  it.each<UserRole>(['client', 'admin'])(
    'refuses a %s on a photographer-only route with FORBIDDEN',
    (role) => {
      expect(() => sut.canActivate(contextFor('uploadProofs', role))).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', kind: 'forbidden' }),
      );
    },
  );

  it('leaves routes without @Roles to the session guard', () => {
    expect(sut.canActivate(contextFor('anyone', 'client'))).toBe(true);
  });
});
