import { useNow } from './use-now';

/** Minutes and seconds left on a hold, e.g. "14:05"; "0:00" once it lapsed. */
export function remainingLabel(expiresAt: string, now: Date): string {
  const seconds = Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The time left to confirm a held slot, ticking each second. */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const now = useNow();
  const lapsed = Date.parse(expiresAt) <= now.getTime();
  const minutesLeft = Math.ceil((Date.parse(expiresAt) - now.getTime()) / 60_000);
  return (
    <p className="hold-countdown" data-lapsed={lapsed || undefined}>
      {lapsed ? (
        'Your hold has lapsed.'
      ) : (
        <>
          We&apos;re holding this time for you for{' '}
          <span
            role="timer"
            aria-label={`${minutesLeft} minute${minutesLeft === 1 ? '' : 's'} left`}
            className="hold-countdown__clock"
          >
            {remainingLabel(expiresAt, now)}
          </span>
        </>
      )}
    </p>
  );
}
