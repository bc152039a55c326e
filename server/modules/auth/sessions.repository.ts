import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, Not, type Repository } from 'typeorm';
import { Session } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>) {}

  insert(session: Session): Promise<Session> {
    return this.sessions.save(this.sessions.create(session));
  }

  /** The session, or null when unknown. Expiry is the caller's decision. */
  find(tokenHash: string): Promise<Session | null> {
    return this.sessions.findOneBy({ tokenHash });
  }

  async extend(tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.sessions.update({ tokenHash }, { lastSeenAt, expiresAt });
  }

  async delete(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  forUser(userId: string): Promise<Session[]> {
    return this.sessions.find({ where: { userId } });
  }

  /** Deletes every session of the account except `keep` (a token hash); returns how many. */
  async deleteForUser(userId: string, keep?: string): Promise<number> {
    const result = await this.sessions.delete(keep ? { userId, tokenHash: Not(keep) } : { userId });
    return result.affected ?? 0;
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }
}
