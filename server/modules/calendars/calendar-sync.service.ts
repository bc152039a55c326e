import { Injectable, Logger } from '@nestjs/common';
import type { ConnectCalendarInput } from '../../../shared/calendars/calendars.schema';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import type { CaldavAccount } from './caldav/caldav-calendar';
import { CalendarReader } from './calendar-reader.service';
import { ExternalCalendarError } from './calendars.errors';
import { CalendarsRepository, type ObjectChanges, type SyncOutcome } from './calendars.repository';
import { CredentialSealer } from './domain/credentials';
import { BusySnapshot } from './domain/busy-snapshot';
import { CalendarExpansion, type Snapshot } from './calendar-expansion.service';
import type { CalendarObject, ExternalCalendar } from './external-calendar.entity';

const DAY = 86_400_000;
/** Busy time is kept for the longest booking horizon (365 days) and a little more. */
const AHEAD_DAYS = 368;
/** A snapshot this much shorter than a fresh one is recomputed even if nothing changed. */
const STALE_AFTER = 2 * DAY;

type ObjectRow = Pick<CalendarObject, 'href' | 'etag' | 'data'>;

/**
 * Reads one calendar and stores what it says: the objects (for incremental CalDAV syncs), the
 * busy snapshot for slots, and the outcome. A failure of any kind is stored on that calendar
 * (code and message) and its last good busy time stays in force: one broken feed never blocks
 * a slot list, never fails another calendar and never crashes a process.
 */
@Injectable()
export class CalendarSyncService {
  private readonly logger = new Logger(CalendarSyncService.name);
  /** One sync per calendar at a time in this process ("Sync now" during a scheduled run). */
  private readonly running = new Map<string, Promise<ExternalCalendar>>();

  constructor(
    private readonly repository: CalendarsRepository,
    private readonly reader: CalendarReader,
    private readonly sealer: CredentialSealer,
    private readonly catalog: PhotographerCatalog,
    private readonly expansion: CalendarExpansion,
    private readonly clock: Clock,
  ) {}

  /** Reads a calendar the photographer is connecting; any failure refuses it (nothing stored). */
  async connect(userId: string, input: ConnectCalendarInput): Promise<ExternalCalendar> {
    const zone = await this.zoneOf(userId);
    if (!zone) throw ExternalCalendarError.needsProfile();
    const url = this.reader.normalise(input.url);
    if (await this.repository.existsWithUrl(userId, url)) {
      throw ExternalCalendarError.alreadyConnected();
    }
    const now = this.clock.now();
    const host = new URL(url).host;
    if (input.kind === 'ics') {
      const read = await this.reader.readIcs(url);
      const objects = [{ href: '', etag: null, data: read.text ?? '' }];
      const busy = await this.snapshot(objects, zone, now);
      return this.repository.insert(
        {
          ...this.fresh(userId, url, now),
          kind: 'ics',
          name: read.name ?? host,
          httpEtag: read.etag,
          httpLastModified: read.lastModified,
          ...busy,
        },
        objects,
      );
    }
    const account = { url, username: input.username, password: input.password };
    const read = await this.reader.readCaldav(account, null, new Map());
    const objects = read.changes && 'upserted' in read.changes ? read.changes.upserted : [];
    return this.repository.insert(
      {
        ...this.fresh(userId, url, now),
        kind: 'caldav',
        name: read.state.displayName ?? host,
        username: input.username,
        passwordSealed: this.sealer.seal(input.password, userId),
        writesBookings: input.writeBookings,
        remoteState: read.state,
        ...(await this.snapshot(objects, zone, now)),
      },
      objects,
    );
  }

  /** Reads the calendar again; resolves with its stored state (an error is on the row). */
  sync(calendar: ExternalCalendar): Promise<ExternalCalendar> {
    const current = this.running.get(calendar.id);
    if (current) return current;
    const run = this.syncOnce(calendar).finally(() => this.running.delete(calendar.id));
    this.running.set(calendar.id, run);
    return run;
  }

  /** The account of a CalDAV calendar, password opened; throws when it cannot be. */
  accountOf(calendar: ExternalCalendar): CaldavAccount {
    const password = calendar.passwordSealed
      ? this.sealer.open(calendar.passwordSealed, calendar.userId)
      : null;
    if (password === null) throw ExternalCalendarError.credentialsUnreadable();
    return { url: calendar.url, username: calendar.username ?? '', password };
  }

  private async syncOnce(calendar: ExternalCalendar): Promise<ExternalCalendar> {
    const now = this.clock.now();
    try {
      const zone = (await this.zoneOf(calendar.userId)) ?? 'UTC';
      const { outcome, changes } = await this.read(calendar);
      const stored = BusySnapshot.parse(calendar.busy);
      const stale =
        !stored ||
        stored.zone !== zone ||
        stored.until < now.getTime() + AHEAD_DAYS * DAY - STALE_AFTER;
      if (changes || stale) {
        const objects = applyChanges(await this.repository.objectsOf(calendar.id), changes);
        Object.assign(outcome, await this.snapshot(objects, zone, now));
      }
      await this.repository.saveSync(
        calendar.id,
        { ...outcome, lastSyncedAt: now, lastAttemptAt: now, lastErrorCode: null, lastError: null },
        changes ?? undefined,
      );
    } catch (error) {
      await this.repository.saveSync(calendar.id, { lastAttemptAt: now, ...failureOf(error) });
      if (!(error instanceof DomainError)) {
        this.logger.warn(`Calendar ${calendar.id} could not be synced: ${String(error)}`);
      }
    }
    return (await this.repository.findById(calendar.id)) ?? calendar;
  }

  private async read(
    calendar: ExternalCalendar,
  ): Promise<{ outcome: SyncOutcome; changes: ObjectChanges | null }> {
    if (calendar.kind === 'ics') {
      const read = await this.reader.readIcs(calendar.url, {
        etag: calendar.httpEtag,
        lastModified: calendar.httpLastModified,
      });
      const outcome: SyncOutcome = { httpEtag: read.etag, httpLastModified: read.lastModified };
      if (read.text === undefined) return { outcome, changes: null };
      if (read.name) outcome.name = read.name;
      return { outcome, changes: { replaceAll: [{ href: '', etag: null, data: read.text }] } };
    }
    const known = await this.repository.knownEtags(calendar.id);
    const read = await this.reader.readCaldav(
      this.accountOf(calendar),
      calendar.remoteState,
      known,
    );
    const outcome: SyncOutcome = { remoteState: read.state };
    if (read.state.displayName) outcome.name = read.state.displayName;
    return { outcome, changes: read.changes };
  }

  /** Busy time of the objects from yesterday to past the longest booking horizon (off-thread). */
  private snapshot(objects: ObjectRow[], zone: string, now: Date): Promise<Snapshot> {
    const from = new Date(now.getTime() - DAY);
    const until = new Date(now.getTime() + AHEAD_DAYS * DAY);
    return this.expansion.snapshot(
      objects.map((o) => o.data),
      { from, until },
      zone,
    );
  }

  private async zoneOf(userId: string): Promise<string | null> {
    return (await this.catalog.profileOfUser(userId))?.timeZone ?? null;
  }

  private fresh(userId: string, url: string, now: Date) {
    return {
      userId,
      url,
      username: null,
      passwordSealed: null,
      writesBookings: false,
      remoteState: null,
      httpEtag: null,
      httpLastModified: null,
      lastSyncedAt: now,
      lastAttemptAt: now,
      lastErrorCode: null,
      lastError: null,
      createdAt: now,
    };
  }
}

function applyChanges(objects: ObjectRow[], changes: ObjectChanges | null): ObjectRow[] {
  if (!changes) return objects;
  if ('replaceAll' in changes) return changes.replaceAll;
  const gone = new Set([...changes.removed, ...changes.upserted.map((o) => o.href)]);
  return [...objects.filter((o) => !gone.has(o.href)), ...changes.upserted];
}

/** What the photographer reads on the calendar's card when a sync failed. */
export function failureOf(error: unknown): Pick<SyncOutcome, 'lastErrorCode' | 'lastError'> {
  if (error instanceof DomainError) return { lastErrorCode: error.code, lastError: error.message };
  return {
    lastErrorCode: 'CALENDAR_SYNC_FAILED',
    lastError: 'The calendar could not be read. We will try again at the next sync.',
  };
}
