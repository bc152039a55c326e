import { Route, Routes, useParams } from 'react-router';
import type { UserDto } from '@shared/auth/auth.types';
import { DeliveriesList } from '@/features/gallery/components/deliveries-list';
import { DownloadsPage } from '@/features/gallery/components/downloads-page';
import { GalleryPage } from '@/features/gallery/components/gallery-page';
import { CredentialsNote } from '@/features/provenance/components/credentials-note';

/** `/app/deliveries/*`: the list, a booking's gallery, its download page. Its own chunk. */
export default function DeliveriesArea({ user }: { user: UserDto }) {
  return (
    <Routes>
      <Route index element={<DeliveriesList role={user.role} />} />
      <Route
        path=":bookingId"
        element={
          <WithBooking
            render={(id) => (
              <GalleryPage key={id} bookingId={id} finalsNote={<CredentialsNote />} />
            )}
          />
        }
      />
      <Route
        path=":bookingId/download"
        element={
          <WithBooking
            render={(id) => <DownloadsPage bookingId={id} finalsNote={<CredentialsNote />} />}
          />
        }
      />
    </Routes>
  );
}

function WithBooking({ render }: { render: (bookingId: string) => React.ReactNode }) {
  const { bookingId = '' } = useParams();
  return <>{render(bookingId)}</>;
}
