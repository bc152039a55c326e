import { type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '../../../shared/auth/auth.types';
import { Roles, VerifiedEmail } from '../../common/auth/decorators';
import { RolesGuard } from './roles.guard';

class StudioController {
  @Roles('photographer')
  uploadProofs(): void {}

  anyone(): void {}

  @Roles('client')
  @VerifiedEmail()
  book(): void {}
}

function contextFor(
  handler: keyof StudioController,
  role?: UserRole,
  emailVerified = true,
): ExecutionContext {
  return {
    getHandler: () => StudioController.prototype[handler],
    getClass: () => StudioController,
    switchToHttp: () => ({
      getRequest: () => ({ auth: role ? { role, emailVerified } : undefined }),
    }),
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

  it('refuses an unverified client on a route that needs a confirmed address', () => {
    expect(() => sut.canActivate(contextFor('book', 'client', false))).toThrow(
      expect.objectContaining({ code: 'EMAIL_NOT_VERIFIED', kind: 'forbidden' }),
    );
    expect(sut.canActivate(contextFor('book', 'client', true))).toBe(true);
  });

  it('checks the role before the address', () => {
    expect(() => sut.canActivate(contextFor('book', 'photographer', false))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
