import type { AuthContext } from '../auth/auth-context';

declare global {
  namespace Express {
    interface Request {
      /** Set by the request-id middleware for every request. */
      id: string;
      /** Set by the session guard when a valid session cookie came with the request. */
      auth?: AuthContext;
      rawBody?: Buffer;
    }
  }
}

export {};
