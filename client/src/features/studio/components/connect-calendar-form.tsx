import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { Link } from 'react-router';
import { toast } from 'sonner';
import type { z } from 'zod';
import {
  connectCalendarSchema,
  type ConnectCalendarInput,
} from '@shared/calendars/calendars.schema';
import { CalendarErrorCode } from '@shared/calendars/calendars.types';
import { CommonErrorCode } from '@shared/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { RadioCardGroup, type RadioCardOption } from '@/components/ui/radio-card-group';
import { PasswordField, TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors, unmatchedServerErrors } from '@/lib/form-errors';
import { useConnectMyCalendar } from '../api/my-calendars';

/** Every field of both kinds; only the chosen kind's are sent. */
interface ConnectFormValues {
  kind: ConnectCalendarInput['kind'];
  url: string;
  username: string;
  password: string;
  writeBookings: boolean;
}

const FIELDS = ['url', 'username', 'password', 'writeBookings'] as const;

const DEFAULTS: ConnectFormValues = {
  kind: 'ics',
  url: '',
  username: '',
  password: '',
  writeBookings: true,
};

const kindOptions: readonly RadioCardOption<ConnectCalendarInput['kind']>[] = [
  {
    value: 'ics',
    title: 'Secret iCalendar address',
    description: 'Google, Outlook, Apple iCloud shared. Lensbridge only reads it.',
  },
  {
    value: 'caldav',
    title: 'CalDAV account',
    description: 'Apple iCloud, Fastmail, Nextcloud… It can also receive your bookings.',
  },
];

function toInput(values: ConnectFormValues): z.input<typeof connectCalendarSchema> {
  const { kind, url, username, password, writeBookings } = values;
  return kind === 'ics' ? { kind, url } : { kind, url, username, password, writeBookings };
}

const schemaResolver = zodResolver(connectCalendarSchema);
/** The shared schema, checked on the chosen kind's fields only. */
const resolver: Resolver<ConnectFormValues, unknown, ConnectCalendarInput> = (
  values,
  context,
  options,
) =>
  schemaResolver(
    toInput(values),
    context,
    options as unknown as Parameters<typeof schemaResolver>[2],
  ) as ReturnType<Resolver<ConnectFormValues, unknown, ConnectCalendarInput>>;

/** Connect a calendar: the server reads it first and refuses it with the reason. */
export function ConnectCalendarForm() {
  const form = useForm<ConnectFormValues, unknown, ConnectCalendarInput>({
    resolver,
    defaultValues: DEFAULTS,
  });
  const connect = useConnectMyCalendar();
  const { errors } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });

  const submit = form.handleSubmit((input) =>
    connect.mutate(input, {
      onSuccess: (calendar) => {
        form.reset({ ...DEFAULTS, kind: input.kind });
        toast.success(
          `${calendar.name} connected: ${calendar.eventCount} busy event${calendar.eventCount === 1 ? '' : 's'} read`,
        );
      },
      onError: (error) => applyServerFieldErrors(error, FIELDS, form.setError),
    }),
  );

  return (
    <form
      className="studio-form"
      noValidate
      aria-labelledby="connect-calendar-title"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="connect-calendar-title" className="ext-calendars__form-title">
        Connect a calendar
      </h3>
      <RadioCardGroup
        legend="What do you have?"
        options={kindOptions}
        inputProps={form.register('kind', { onChange: () => connect.reset() })}
      />
      <div className="stack">
        <TextField
          label={kind === 'ics' ? 'Calendar address' : 'CalDAV server address'}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            kind === 'ics'
              ? 'https://calendar.google.com/calendar/ical/…/basic.ics'
              : 'https://caldav.icloud.com'
          }
          error={errors.url?.message}
          {...form.register('url')}
        />
        {kind === 'ics' ? <IcsHelp /> : <CaldavHelp />}
      </div>
      {kind === 'caldav' ? (
        <>
          <div className="studio-form__row">
            <TextField
              label="User name"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              hint="Usually your email address with that provider."
              error={errors.username?.message}
              {...form.register('username')}
            />
            <PasswordField
              label="Password"
              autoComplete="new-password"
              hint="For iCloud and Fastmail, an app-specific password."
              error={errors.password?.message}
              {...form.register('password')}
            />
          </div>
          <label className="studio-toggle">
            <input type="checkbox" {...form.register('writeBookings')} />
            <span>
              <strong>Write my confirmed bookings into this calendar</strong>
              <span className="field__hint">
                Each confirmed session appears there as an event, and goes away when it is
                cancelled.
              </span>
            </span>
          </label>
        </>
      ) : null}
      <ConnectErrorAlert error={connect.error} />
      <div className="studio-form__actions">
        <Button type="submit" loading={connect.isPending}>
          Connect calendar
        </Button>
        <span className="text-sm text-muted" role="status">
          {connect.isPending ? 'Reading your calendar… this can take a few seconds.' : ''}
        </span>
      </div>
    </form>
  );
}

/** Why the calendar was refused, in the server's words (they are written for the photographer). */
function ConnectErrorAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  const needsProfile = error instanceof ApiError && error.code === CalendarErrorCode.NoProfile;
  let message = describeError(error);
  if (error instanceof ApiError && error.code === CommonErrorCode.ValidationFailed) {
    const unmatched = unmatchedServerErrors(error, FIELDS);
    if (unmatched.length === 0) return null; // shown on the fields themselves
    message = unmatched.join(' ');
  }
  return (
    <Alert tone="danger" title="This calendar was not connected">
      <p>{message}</p>
      {needsProfile ? (
        <p>
          <Link to="/app/studio/profile">Set up your profile</Link>
        </p>
      ) : null}
    </Alert>
  );
}

function IcsHelp() {
  return (
    <ul className="ext-calendars__help text-sm">
      <li>
        <strong>Google Calendar</strong> (on a computer): Settings → your calendar → Integrate
        calendar → Secret address in iCal format.
      </li>
      <li>
        <strong>Outlook</strong>: Settings → Calendar → Shared calendars → Publish a calendar → ICS
        link.
      </li>
      <li>
        <strong>Apple iCloud</strong>: in Calendar, share the calendar as a Public Calendar and copy
        its link (webcal://…). For a private connection use a CalDAV account instead.
      </li>
    </ul>
  );
}

function CaldavHelp() {
  return (
    <ul className="ext-calendars__help text-sm">
      <li>
        <strong>Apple iCloud</strong>: https://caldav.icloud.com with your Apple ID and an
        app-specific password from appleid.apple.com (Sign-In and Security → App-Specific
        Passwords).
      </li>
      <li>
        <strong>Fastmail</strong>: https://caldav.fastmail.com with your Fastmail address and an app
        password made in Fastmail’s settings.
      </li>
      <li>
        <strong>Nextcloud</strong>: in Calendar → Calendar settings, Copy primary CalDAV address.
      </li>
    </ul>
  );
}
