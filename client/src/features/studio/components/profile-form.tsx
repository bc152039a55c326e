import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { profileSchema, type ProfileInput } from '@shared/photographers/photographers.schema';
import {
  PHOTO_STYLE_NAMES,
  PHOTO_STYLES,
  type PhotographerProfileDto,
  type PhotoStyle,
} from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors, unmatchedServerErrors } from '@/lib/form-errors';
import { viewerTimeZone } from '@/lib/zoned-time';
import { useSaveMyProfile } from '../api/my-profile';
import './studio.css';

const FIELDS = [
  'displayName',
  'bio',
  'city',
  'studioAddress',
  'timeZone',
  'styles',
  'published',
] as const satisfies (keyof ProfileInput)[];

function timeZones(current: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** Where the profile stands: approval (by an admin) and publishing (by the photographer). */
export function ListingStatus({ profile }: { profile: PhotographerProfileDto | null }) {
  if (!profile) return <Badge>Not created yet</Badge>;
  if (!profile.approved) return <Badge tone="warn">Waiting for approval</Badge>;
  if (!profile.published) return <Badge>Approved · not published</Badge>;
  return <Badge tone="success">Listed in the directory</Badge>;
}

export function ProfileForm({ profile }: { profile: PhotographerProfileDto | null }) {
  const zone = profile?.timeZone ?? viewerTimeZone();
  const form = useForm<z.input<typeof profileSchema>, unknown, ProfileInput>({
    resolver: zodResolver(profileSchema),
    defaultValues: {
      displayName: profile?.displayName ?? '',
      bio: profile?.bio ?? '',
      city: profile?.city ?? '',
      studioAddress: profile?.studioAddress ?? '',
      timeZone: zone,
      styles: (profile?.styles ?? []) as PhotoStyle[],
      published: profile?.published ?? false,
    },
  });
  const { errors } = form.formState;
  const save = useSaveMyProfile();

  const submit = form.handleSubmit((values) => {
    save.mutate(
      { ...values, studioAddress: values.studioAddress?.trim() ? values.studioAddress : null },
      {
        onSuccess: (saved) => form.reset({ ...values, styles: saved.styles as PhotoStyle[] }),
        onError: (error) => applyServerFieldErrors(error, FIELDS, form.setError),
      },
    );
  });
  const unmatched = save.isError ? unmatchedServerErrors(save.error, FIELDS) : [];

  return (
    <form className="studio-form" noValidate onSubmit={(event) => void submit(event)}>
      {save.isSuccess && !form.formState.isDirty ? (
        <Alert tone="success" title="Profile saved">
          {save.data.approved
            ? save.data.published
              ? 'Clients see these changes in the directory now.'
              : 'Saved. Turn on “Show my profile” when you want clients to find you.'
            : 'An admin reviews new profiles before clients can find them.'}
        </Alert>
      ) : null}
      {save.isError && (unmatched.length || !isValidationError(save.error)) ? (
        <Alert tone="danger" title="Your profile was not saved">
          {unmatched.length ? unmatched.join(' ') : describeError(save.error)}
        </Alert>
      ) : null}
      <TextField
        label="Name clients see"
        error={errors.displayName?.message}
        {...form.register('displayName')}
      />
      <div className={['field', errors.bio && 'field--invalid'].filter(Boolean).join(' ')}>
        <label className="field__label" htmlFor="profile-bio">
          About you
        </label>
        <textarea
          id="profile-bio"
          className="field__input studio-textarea"
          rows={5}
          aria-invalid={errors.bio ? true : undefined}
          {...form.register('bio')}
        />
        {errors.bio ? <p className="field__error">{errors.bio.message}</p> : null}
      </div>
      <div className="studio-form__row">
        <TextField label="City" error={errors.city?.message} {...form.register('city')} />
        <div className={['field', errors.timeZone && 'field--invalid'].filter(Boolean).join(' ')}>
          <label className="field__label" htmlFor="profile-zone">
            Time zone
          </label>
          <select id="profile-zone" className="field__input" {...form.register('timeZone')}>
            {timeZones(zone).map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          {errors.timeZone ? (
            <p className="field__error">{errors.timeZone.message}</p>
          ) : (
            <p className="field__hint">Your weekly hours are in this zone.</p>
          )}
        </div>
      </div>
      <TextField
        label="Studio address"
        hint="Shown to clients who book a studio session."
        error={errors.studioAddress?.message}
        {...form.register('studioAddress')}
      />
      <fieldset className="studio-fieldset">
        <legend className="field__label">Styles</legend>
        <div className="studio-checks">
          {PHOTO_STYLES.map((style) => (
            <label key={style} className="studio-check">
              <input type="checkbox" value={style} {...form.register('styles')} />
              {PHOTO_STYLE_NAMES[style]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="studio-toggle">
        <input type="checkbox" {...form.register('published')} />
        <span>
          <strong>Show my profile in the directory</strong>
          <span className="field__hint">
            Clients can find and book you once an admin has approved your profile.
          </span>
        </span>
      </label>
      <div>
        <Button type="submit" loading={save.isPending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}

function isValidationError(error: unknown): boolean {
  return unmatchedServerErrors(error, []).length > 0;
}
