import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type CaldavAccount, CaldavCalendar } from './caldav/caldav-calendar';
import type { ObjectChanges } from './calendars.repository';
import type { RemoteState } from './external-calendar.entity';
import { httpStatusError } from './fetch/calendar-fetch.errors';
import { checkCalendarUrl, type FetchPolicy, safeFetch } from './fetch/safe-fetch';

/** An ICS address read: `text` is undefined when the server said it has not changed (304). */
export interface IcsRead {
  text?: string;
  etag: string | null;
  lastModified: string | null;
  name: string | null;
}

/** A CalDAV collection read: `changes` is null when its ctag / sync-token did not move. */
export interface CaldavRead {
  state: RemoteState;
  changes: ObjectChanges | null;
}

/**
 * Reads photographers' calendars from their servers, only ever through `safeFetch`: the
 * address they entered (and its own site), public addresses in production, a deadline and a
 * size limit on every request (issue #15, item 4).
 */
@Injectable()
export class CalendarReader {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The address as it will be stored (webcal:// becomes https://); throws CALENDAR_URL_INVALID. */
  normalise(url: string): string {
    return checkCalendarUrl(url).toString();
  }

  async readIcs(url: string, validators?: { etag: string | null; lastModified: string | null }) {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const response = await this.fetchFor(url)(url, { headers });
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (response.status === 304) return { etag, lastModified, name: null } satisfies IcsRead;
    if (!response.ok) throw httpStatusError(response.status, 'the calendar address');
    const text = await response.text();
    return { text, etag, lastModified, name: calendarName(text) } satisfies IcsRead;
  }

  async readCaldav(
    account: CaldavAccount,
    state: RemoteState | null,
    known: ReadonlyMap<string, string | null>,
  ): Promise<CaldavRead> {
    const client = this.caldav(account);
    const connected = state ?? (await client.connect());
    const read = await client.changes(connected, known);
    if (!read.changed && state) return { state: read.state, changes: null };
    return { state: read.state, changes: { upserted: read.upserted, removed: read.removed } };
  }

  /** A client for one account, for reading or for writing our bookings. */
  caldav(account: CaldavAccount): CaldavCalendar {
    return new CaldavCalendar(account, this.fetchFor(account.url));
  }

  private fetchFor(url: string): typeof fetch {
    const { allowPrivateAddresses, fetchTimeoutMs, maxBytes } = this.config.calendars;
    const policy: FetchPolicy = { allowPrivateAddresses, timeoutMs: fetchTimeoutMs, maxBytes };
    return safeFetch(url, policy);
  }
}

/** X-WR-CALNAME, the name Google, Apple and Outlook give their shared calendars. */
function calendarName(text: string): string | null {
  const match = /^X-WR-CALNAME[^:\r\n]*:(.+)$/m.exec(text.slice(0, 10_000));
  return match
    ? match[1]!
        .trim()
        .replace(/\\([,;\\])/g, '$1')
        .slice(0, 200) || null
    : null;
}
