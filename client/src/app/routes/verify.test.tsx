import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProvenanceErrorCode } from '@shared/provenance/provenance.types';
import { apiError, fakeApi, json, networkError, signedOut } from '@/testing/fake-api';
import { aDraftReport, aNoCredentialsReport } from '@/testing/provenance-factories';
import { renderApp } from '@/testing/render-app';

const jpeg = (name = 'draft.jpg') => new File(['jpeg bytes'], name, { type: 'image/jpeg' });

async function checkImage(file = jpeg()) {
  const view = renderApp('/verify');
  await screen.findByRole('heading', { name: 'Check an image' });
  await view.user.upload(screen.getByLabelText('Choose an image to check'), file);
  return view;
}

describe('Verify page (/verify)', () => {
  it('explains Content Credentials to a visitor who is not logged in, before any image', async () => {
    fakeApi({ 'GET /api/auth/me': signedOut });
    renderApp('/verify');
    expect(await screen.findByRole('heading', { name: 'Check an image' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'What are Content Credentials?' })).toBeVisible();
    expect(screen.getByText(/a signed record kept inside an image file/)).toBeVisible();
    expect(screen.getByText('Drop an image here')).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeVisible();
  });

  it('reports our AI draft as valid, signed with the development certificate, and AI-generated', async () => {
    const api = fakeApi({
      'GET /api/auth/me': signedOut,
      'POST /api/provenance/verify': () => json(200, aDraftReport()),
    });
    await checkImage();

    const title = await screen.findByRole('heading', { name: 'Valid Content Credentials' });
    await waitFor(() => expect(title).toHaveFocus());
    const result = screen.getByRole('region', { name: 'Valid Content Credentials' });
    expect(within(result).getByText('draft.jpg')).toBeVisible();
    expect(within(result).getByText('Development certificate')).toBeVisible();
    expect(within(result).getByText(/Not trusted by other readers/)).toBeVisible();
    expect(within(result).getByText(/Lensbridge development signer/)).toBeVisible();
    expect(
      within(result).getByText(
        'Made or changed by AI: a photo combined with parts made or changed by AI.',
      ),
    ).toBeVisible();
    expect(within(result).getByText(/used as input to make this image/)).toBeVisible();

    const [call] = api.callsTo('POST /api/provenance/verify');
    // Only that the file part arrived: jsdom's File does not survive Node's Request (no bytes).
    expect((call?.body as FormData).has('image')).toBe(true);
  });

  it('says the camera’s own credentials are kept, and who holds the rights, for a final', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'POST /api/provenance/verify': () =>
        json(
          200,
          aDraftReport({
            title: 'Final.jpg',
            aiGenerated: false,
            actions: [
              {
                action: 'c2pa.edited',
                digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture',
              },
            ],
            authors: ['Mara Lind'],
            copyright: '© 2026 Mara Lind',
            licence: 'Personal and professional use by the client',
            ingredients: [
              { title: 'IMG_0042.jpg', relationship: 'parentOf', hasCredentials: true },
            ],
          }),
        ),
    });
    await checkImage();

    const result = await screen.findByRole('region', { name: 'Valid Content Credentials' });
    expect(within(result).getByText('No')).toBeVisible();
    expect(within(result).getByText(/describe it as taken with a digital camera/)).toBeVisible();
    expect(within(result).getByText('Mara Lind')).toBeVisible();
    expect(within(result).getByText('© 2026 Mara Lind')).toBeVisible();
    expect(within(result).getByText(/the camera’s\); they are kept inside these/)).toBeVisible();
  });

  it('lists why invalid credentials fail', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'POST /api/provenance/verify': () =>
        json(
          200,
          aDraftReport({
            status: 'invalid',
            problems: [
              {
                code: 'assertion.dataHash.mismatch',
                explanation: 'The image was changed after it was signed.',
              },
            ],
          }),
        ),
    });
    await checkImage();

    const result = await screen.findByRole('region', {
      name: 'The Content Credentials do not check out',
    });
    expect(within(result).getByRole('heading', { name: 'What failed' })).toBeVisible();
    expect(within(result).getByText('The image was changed after it was signed.')).toBeVisible();
    expect(within(result).getByText('assertion.dataHash.mismatch')).toBeVisible();
  });

  it('says plainly when an image has no Content Credentials', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'POST /api/provenance/verify': () => json(200, aNoCredentialsReport()),
    });
    await checkImage(jpeg('holiday.jpg'));

    const result = await screen.findByRole('region', { name: 'No Content Credentials' });
    expect(within(result).getByText(/does not mean it is fake or made by AI/)).toBeVisible();
    expect(within(result).queryByText('Signed by')).toBeNull();
  });

  it('explains a file that is not an image and lets the user try another', async () => {
    let sent = 0;
    fakeApi({
      'GET /api/auth/me': signedOut,
      // The first file is refused, the next one is read.
      'POST /api/provenance/verify': () =>
        ++sent === 1
          ? apiError(415, ProvenanceErrorCode.UnsupportedFormat, 'Not an image.')
          : json(200, aNoCredentialsReport()),
    });
    const { user } = await checkImage(jpeg('notes.jpg'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This image could not be checked');
    expect(alert).toHaveTextContent('not an image whose Content Credentials can be read');

    await user.upload(screen.getByLabelText('Choose an image to check'), jpeg('photo.jpg'));
    expect(await screen.findByRole('heading', { name: 'No Content Credentials' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks the user to wait when checks are rate-limited', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'POST /api/provenance/verify': () =>
        apiError(429, 'RATE_LIMITED', 'Too many requests.', { headers: { 'Retry-After': '40' } }),
    });
    await checkImage();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Wait 40 seconds and try again.',
    );
  });

  it('says when Lensbridge cannot be reached', async () => {
    fakeApi({ 'GET /api/auth/me': signedOut, 'POST /api/provenance/verify': networkError });
    await checkImage();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Can't reach Lensbridge. Check your connection and try again.",
    );
  });
});
