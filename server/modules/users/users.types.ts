/** The account the users module hands to other modules through UsersService. */
export type { User } from './user.entity';
