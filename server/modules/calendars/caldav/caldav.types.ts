/** A CalDAV account as the user entered it: a calendar's address or the server's. */
export interface CaldavAccount {
  url: string;
  username: string;
  password: string;
}

/** What we remember about the remote collection between syncs (stored as JSON). */
export interface CaldavState {
  /** Absolute, ending in `/`. */
  collectionUrl: string;
  displayName: string | null;
  /**
   * getctag (calendarserver.org): changes whenever anything in the collection does. Null after
   * connect() (nothing synced yet) or when the server has none.
   */
  ctag: string | null;
  /**
   * RFC 6578 sync-token as of the last changes(). Null after connect() or when the server has
   * none: then changes() lists etags instead.
   */
  syncToken: string | null;
}

/** One calendar object (one .ics resource: an event with its recurrence exceptions). */
export interface CaldavObject {
  /** Absolute URL, usable as stored. */
  href: string;
  etag: string | null;
  /** The full iCalendar text. */
  data: string;
}

export interface CaldavChanges {
  state: CaldavState;
  /** false when nothing changed (ctag / sync-token unchanged): upserted and removed are empty */
  changed: boolean;
  /** New or changed objects, with their full iCalendar text. */
  upserted: CaldavObject[];
  /** Hrefs gone from the server (as the caller knows them). */
  removed: string[];
}

/** One of our bookings as an event to write. */
export interface CaldavEventWrite {
  uid: string;
  ics: string;
  /** Where it was written before; absent for a new event. */
  href?: string | null;
  etag?: string | null;
}
