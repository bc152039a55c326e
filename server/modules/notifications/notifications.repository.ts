import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(OutboxMessage) private readonly outbox: Repository<OutboxMessage>,
  ) {}

  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.outbox.find({
      where: { dedupeKey: In(keys) },
      select: { dedupeKey: true },
    });
    return new Set(rows.map((r) => r.dedupeKey));
  }

  insertMessage(message: OutboxMessage): Promise<void> {
    return this.outbox.insert(message).then(() => undefined);
  }

  async updateMessage(id: string, patch: Partial<OutboxMessage>): Promise<void> {
    await this.outbox.update({ id }, patch);
  }

  /** Messages to hand over again: failed ones, and queued ones left by a crash. */
  retryable(staleBefore: Date, maxAttempts: number): Promise<OutboxMessage[]> {
    return this.outbox
      .createQueryBuilder('m')
      .where('m.attempts < :maxAttempts', { maxAttempts })
      .andWhere(
        new Brackets((q) =>
          q
            .where("m.status = 'failed'")
            .orWhere("m.status = 'queued' AND m.created_at < :staleBefore", { staleBefore }),
        ),
      )
      .orderBy('m.created_at', 'ASC')
      .take(50)
      .getMany();
  }

  page(page: number, pageSize: number, bookingId?: string): Promise<[OutboxMessage[], number]> {
    return this.outbox.findAndCount({
      where: bookingId ? { bookingId } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  messageById(id: string): Promise<OutboxMessage | null> {
    return this.outbox.findOneBy({ id });
  }
}
