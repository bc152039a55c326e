import { Session } from '../modules/auth/session.entity';
import { User } from '../modules/users/user.entity';

/** Every entity, registered once for the app, the CLI and the migration tools. */
export const entities = [User, Session];
