import type { ReactNode } from 'react';
import { Link, Navigate, NavLink, Route, Routes } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageLoader } from '@/components/ui/spinner';
import { useMyAvailability } from '@/features/studio/api/my-availability';
import { useMyCalendarFeed } from '@/features/studio/api/my-calendar-feed';
import { useMyCalendars } from '@/features/studio/api/my-calendars';
import { useMyProfile } from '@/features/studio/api/my-profile';
import { AvailabilityEditor } from '@/features/studio/components/availability-editor';
import { CalendarFeedPanel } from '@/features/studio/components/calendar-feed-panel';
import { ConnectedCalendars } from '@/features/studio/components/connected-calendars';
import { PackagesEditor } from '@/features/studio/components/packages-editor';
import { PortfolioEditor } from '@/features/studio/components/portfolio-editor';
import { ListingStatus, ProfileForm } from '@/features/studio/components/profile-form';
import { TimeOffEditor } from '@/features/studio/components/time-off-editor';
import { describeError } from '@/lib/error-messages';
import { dayKeyIn } from '@/lib/zoned-time';

/** `/app/studio/*`: the photographer's profile and portfolio, packages, hours, calendar link. */
export default function StudioArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="profile" replace />} />
      <Route path="profile" element={<ProfilePage />} />
      <Route path="packages" element={<PackagesPage />} />
      <Route path="availability" element={<AvailabilityPage />} />
      <Route path="calendar" element={<CalendarPage />} />
    </Routes>
  );
}

const tabs = [
  { to: 'profile', label: 'Profile and portfolio' },
  { to: 'packages', label: 'Packages' },
  { to: 'availability', label: 'Hours and days off' },
  { to: 'calendar', label: 'Calendar' },
] as const;

function StudioPage({
  title,
  lead,
  children,
}: {
  title: string;
  lead: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="app-page">
      <title>{`${title} · Lensbridge`}</title>
      <nav className="studio-tabs" aria-label="Studio setup">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={`/app/studio/${tab.to}`} className="studio-tabs__tab">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <div className="app-page__header">
        <h1 className="page-title">{title}</h1>
        <p className="page-lead">{lead}</p>
      </div>
      {children}
    </div>
  );
}

function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <Alert tone="danger" title="Could not load your studio">
      <p>{describeError(error)}</p>
      <Button variant="secondary" size="sm" onClick={retry}>
        Try again
      </Button>
    </Alert>
  );
}

function NeedsProfile() {
  return (
    <Alert tone="info" title="Create your profile first">
      Packages and hours belong to your profile. <Link to="/app/studio/profile">Set it up</Link> —
      it takes two minutes.
    </Alert>
  );
}

function ProfilePage() {
  const profile = useMyProfile();
  return (
    <StudioPage
      title="Profile"
      lead={
        <>
          What clients see before they book.{' '}
          {profile.data !== undefined ? <ListingStatus profile={profile.data} /> : null}
        </>
      }
    >
      {profile.isPending ? <PageLoader label="Loading your profile…" /> : null}
      {profile.isError ? (
        <LoadFailed error={profile.error} retry={() => void profile.refetch()} />
      ) : null}
      {profile.data !== undefined ? (
        <>
          {profile.data && profile.data.approved && profile.data.published ? (
            <p className="text-sm">
              <Link to={`/photographers/${profile.data.id}`}>See your public page →</Link>
            </p>
          ) : null}
          <Card padding="lg">
            <ProfileForm profile={profile.data} />
          </Card>
          <section className="stack" aria-labelledby="portfolio-title">
            <h2 id="portfolio-title" className="section-heading">
              Portfolio
            </h2>
            {profile.data ? (
              <PortfolioEditor images={profile.data.portfolio} />
            ) : (
              <p className="text-muted">Save your profile, then add pictures here.</p>
            )}
          </section>
        </>
      ) : null}
    </StudioPage>
  );
}

function PackagesPage() {
  const profile = useMyProfile();
  return (
    <StudioPage
      title="Packages"
      lead="What clients can book: length, price, deposit, images and delivery. Prices are in the package's currency."
    >
      {profile.isPending ? <PageLoader label="Loading your packages…" /> : null}
      {profile.isError ? (
        <LoadFailed error={profile.error} retry={() => void profile.refetch()} />
      ) : null}
      {profile.data === null ? <NeedsProfile /> : null}
      {profile.data ? <PackagesEditor packages={profile.data.packages} /> : null}
    </StudioPage>
  );
}

function AvailabilityPage() {
  const profile = useMyProfile();
  const availability = useMyAvailability();
  const zone = availability.data?.timeZone ?? 'UTC';
  return (
    <StudioPage
      title="Availability"
      lead="Your weekly hours in your own time zone, the rules for booking, and days off. Clients see the free times in theirs."
    >
      {profile.data === null ? <NeedsProfile /> : null}
      {profile.data !== null && availability.isPending ? (
        <PageLoader label="Loading your hours…" />
      ) : null}
      {profile.data !== null && availability.isError ? (
        <LoadFailed error={availability.error} retry={() => void availability.refetch()} />
      ) : null}
      {availability.data ? (
        <>
          <AvailabilityEditor
            key={JSON.stringify(availability.data.weekly)}
            availability={availability.data}
          />
          <section className="stack studio-section" aria-labelledby="days-off-title">
            <h2 id="days-off-title" className="section-heading">
              Days off
            </h2>
            <TimeOffEditor timeOff={availability.data.timeOff} today={dayKeyIn(new Date(), zone)} />
          </section>
        </>
      ) : null}
    </StudioPage>
  );
}

function CalendarPage() {
  const calendars = useMyCalendars();
  const feed = useMyCalendarFeed();
  return (
    <StudioPage
      title="Calendar"
      lead="Lensbridge and the calendar you already use, both ways: your own events block your free times, and your bookings show up in your calendar app."
    >
      <section className="stack" aria-labelledby="own-calendars-title">
        <h2 id="own-calendars-title" className="section-heading">
          Your calendars block your slots
        </h2>
        {calendars.isPending ? <PageLoader label="Loading your calendars…" /> : null}
        {calendars.isError ? (
          <LoadFailed error={calendars.error} retry={() => void calendars.refetch()} />
        ) : null}
        {calendars.data ? <ConnectedCalendars list={calendars.data} /> : null}
      </section>
      <section className="stack" aria-labelledby="feed-title">
        <h2 id="feed-title" className="section-heading">
          Your bookings in your calendar app
        </h2>
        <p className="text-muted">
          Subscribe to this link once and new, moved and cancelled sessions follow by themselves, in
          Google Calendar, Apple Calendar or Outlook.
        </p>
        {feed.isPending ? <PageLoader label="Loading your calendar link…" /> : null}
        {feed.isError ? <LoadFailed error={feed.error} retry={() => void feed.refetch()} /> : null}
        {feed.data ? <CalendarFeedPanel feed={feed.data} /> : null}
      </section>
    </StudioPage>
  );
}
