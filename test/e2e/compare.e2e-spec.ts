import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { ComparisonDto } from '../../shared/compare/compare.types';
import { USE_CASES } from '../../shared/compare/use-cases';
import type { DraftDto } from '../../shared/drafts/drafts.types';
import { Draft } from '../../server/modules/drafts/draft.entity';
import { type SignedIn, signUp } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

describe('AI vs studio comparison (e2e)', () => {
  let t: TestApp;
  let server: App;
  let client: SignedIn;
  let draft: DraftDto;
  let corporate: ListedPhotographer;
  let actor: ListedPhotographer;

  beforeAll(async () => {
    t = await startTestApp(BOOKING_TEST_ENV);
    server = t.app.getHttpServer() as App;
    const admin = await signInAdmin(server);
    corporate = await aListedPhotographer(server, admin, {
      profile: { displayName: 'Corporate Clara', styles: ['corporate'] },
      pkg: { name: 'Executive', priceCents: 24_000, includedImages: 5, deliveryDays: 5 },
    });
    actor = await aListedPhotographer(server, admin, {
      profile: { displayName: 'Casting Carl', styles: ['actor'] },
      pkg: {
        name: 'Quick headshot',
        priceCents: 9_000,
        includedImages: 1,
        extraImagePriceCents: 2_000,
        durationMinutes: 30,
        deliveryDays: 3,
      },
    });
    await aListedPhotographer(server, admin, {
      profile: { displayName: 'Far Away Fay', city: 'Sydney', timeZone: 'Australia/Sydney' },
    });
    // Munich, in Berlin's zone: a dearer on-location package and a cheaper studio one.
    await aListedPhotographer(server, admin, {
      profile: { displayName: 'Office Olga', city: 'Munich', styles: ['corporate'] },
      pkg: {
        name: 'At your office',
        priceCents: 18_000,
        includedImages: 1,
        location: 'on_location',
        travelFeeCents: 6_000,
      },
    });
    await aListedPhotographer(server, admin, {
      profile: { displayName: 'Natural Nina', city: 'Munich', styles: ['natural-light'] },
      pkg: { name: 'Window light', priceCents: 15_000, includedImages: 1, durationMinutes: 30 },
    });
    client = await signUp(server, { role: 'client' });
    const created = await uploadPhoto(server, client, await photos.astronaut()).expect(202);
    draft = await waitForDraft(server, client, created.body.id);
  });
  afterAll(() => t.close());

  const compare = (query: Record<string, string>, who?: SignedIn) => {
    const call = request(server).get('/api/compare').query(query);
    return who ? call.set('Cookie', who.cookie.join('; ')) : call;
  };

  it('compares without an account or a draft (the landing page sample)', async () => {
    const { body } = await compare({ useCase: 'profile', city: 'berlin' }).expect(200);
    const result = body as ComparisonDto;
    expect(result.ai).toMatchObject({
      draftId: null,
      previewUrl: null,
      turnaroundMeasured: false,
      previewPriceCents: 0,
    });
    expect(result.ai.aiLabel).toMatch(/AI-generated/);
    expect(result.studios.map((s) => s.photographer.displayName).sort()).toEqual([
      'Casting Carl',
      'Corporate Clara',
    ]);
    expect(result.area).toMatchObject({ basis: 'city', cities: ['Berlin'] });
    result.studios.forEach((studio, index) => {
      expect(studio.rank).toBe(index + 1);
      expect(studio.rankReason).toMatch(new RegExp(`^Ranked ${['1st', '2nd'][index]}: \\S`));
    });
    expect(result.recommendation).toMatchObject({ choice: 'ai' });
  });

  it('compares the caller’s draft for an executive portrait and recommends a studio, with reasons', async () => {
    const { body } = await compare(
      { useCase: 'executive', city: 'Berlin', draftId: draft.id },
      client,
    ).expect(200);
    const result = body as ComparisonDto;
    const professional = draft.variants.find((v) => v.style === 'professional')!;
    expect(result.ai).toMatchObject({
      draftId: draft.id,
      variantId: professional.id,
      previewUrl: professional.previewUrl,
      width: professional.width,
      turnaroundMeasured: true,
    });
    expect(result.ai.turnaroundSeconds).toBeGreaterThan(0);
    expect(result.ai.quality!.passed).toBeGreaterThan(0);
    expect(result.recommendation.choice).toBe('studio');
    expect(result.recommendation.reasons.join(' ')).toMatch(/real photograph/);

    // The corporate photographer fits an executive portrait best and needs no extras.
    const [best, second] = result.studios;
    expect(best!.photographer.displayName).toBe('Corporate Clara');
    expect(best).toMatchObject({ imagesNeeded: 5, extraImages: 0, totalCents: 24_000 });
    // The quick headshot needs 4 extra images at 20.00 for the 5 an executive needs.
    expect(second).toMatchObject({ extraImages: 4, extrasCents: 8_000, totalCents: 17_000 });
    // Dearer but first, and it says why; the cheaper one says what puts it second.
    expect(best).toMatchObject({
      rank: 1,
      rankReason:
        'Ranked 1st: works in the corporate style, which suits an executive portrait, though €70 more than Casting Carl.',
    });
    expect(second!.rank).toBe(2);
    expect(second!.rankReason).toMatch(
      /^Ranked 2nd: cheapest for an executive portrait \(€170\).*, but lists no style that suits an executive portrait\.$/,
    );
    const offered = await freeSlots(server, corporate.profile.id, corporate.packageId);
    expect(best!.earliestSlot).toBe(offered.slots[0]);
    expect(Date.parse(best!.deliveryBy!)).toBeGreaterThan(Date.parse(best!.earliestSlot!));
    expect(best!.daysToFinal).toBeGreaterThanOrEqual(5);
  });

  it('starts the studio slots from the date asked for', async () => {
    const date = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const { body } = await compare({ useCase: 'actor', city: 'Berlin', date }).expect(200);
    const result = body as ComparisonDto;
    expect(result.studios[0]!.photographer.id).toBe(actor.profile.id);
    for (const studio of result.studios) {
      expect(Date.parse(studio.earliestSlot!)).toBeGreaterThanOrEqual(
        Date.parse(`${date}T00:00:00+01:00`),
      );
    }
  });

  it('shows the AI row and a plain “no studio nearby” when the city has no photographers', async () => {
    const { body } = await compare(
      { useCase: 'executive', city: 'Reykjavik', draftId: draft.id },
      client,
    ).expect(200);
    const result = body as ComparisonDto;
    expect(result.studios).toEqual([]);
    expect(result.noStudioReason).toMatch(/No studio photographers in Reykjavik/);
    expect(result.ai.draftId).toBe(draft.id);
  });

  it('ranks a cheaper studio package above a dearer on-location one, and says why', async () => {
    const { body } = await compare({ useCase: 'profile', city: 'Munich' }).expect(200);
    const [first, second] = (body as ComparisonDto).studios;
    expect(first).toMatchObject({
      rank: 1,
      photographer: { displayName: 'Natural Nina' },
      package: { location: 'studio' },
      payableCents: 15_000,
    });
    expect(first!.rankReason).toMatch(/^Ranked 1st: cheapest for a LinkedIn profile \(€150\)/);
    expect(second).toMatchObject({
      rank: 2,
      photographer: { displayName: 'Office Olga' },
      package: { location: 'on_location' },
      payableCents: 24_000,
    });
    expect(second!.rankReason).toMatch(
      /^Ranked 2nd: .*€90 more than Natural Nina\. On location: the price includes €60 travel\.$/,
    );
  });

  describe('with no city, the viewer’s time zone', () => {
    const names = (result: ComparisonDto) =>
      result.studios.map((s) => s.photographer.displayName).sort();

    it('picks the studios in the viewer’s zone and says so', async () => {
      const { body } = await compare({
        useCase: 'profile',
        viewerTimeZone: 'Australia/Sydney',
      }).expect(200);
      const result = body as ComparisonDto;
      expect(names(result)).toEqual(['Far Away Fay']);
      expect(result.city).toBeNull();
      expect(result.area).toEqual({
        basis: 'timeZone',
        viewerTimeZone: 'Australia/Sydney',
        cities: ['Sydney'],
        widened: false,
        summary: 'Showing studios near Sydney (your time zone).',
      });
    });

    it('names every city in the zone', async () => {
      const { body } = await compare({
        useCase: 'executive',
        viewerTimeZone: 'Europe/Berlin',
      }).expect(200);
      const result = body as ComparisonDto;
      expect(names(result)).not.toContain('Far Away Fay');
      expect(result.area.summary).toBe('Showing studios near Berlin and Munich (your time zone).');
    });

    it('takes the studios on the viewer’s clock when none is in the zone itself', async () => {
      const { body } = await compare({ useCase: 'profile', viewerTimeZone: 'Europe/Paris' }).expect(
        200,
      );
      const result = body as ComparisonDto;
      expect(result.studios.length).toBeGreaterThan(0);
      expect(result.studios.every((s) => s.photographer.timeZone === 'Europe/Berlin')).toBe(true);
      expect(result.area).toMatchObject({ basis: 'sameClock', cities: ['Berlin', 'Munich'] });
      expect(result.area.summary).toMatch(
        /^No studios are listed in your time zone \(Europe\/Paris\)/,
      );
    });

    it('falls back to everywhere when nothing is near, and says so honestly', async () => {
      const { body } = await compare({
        useCase: 'profile',
        viewerTimeZone: 'America/Chicago',
      }).expect(200);
      const result = body as ComparisonDto;
      expect(result.studios.length).toBe(3);
      expect(result.area).toMatchObject({ basis: 'everywhere', widened: true, cities: [] });
      expect(result.area.summary).toMatch(
        /No studios are listed in or near your time zone \(America\/Chicago\) yet/,
      );
    });

    it('gives way to a city the viewer chose', async () => {
      const { body } = await compare({
        useCase: 'profile',
        city: 'sydney',
        viewerTimeZone: 'Europe/Berlin',
      }).expect(200);
      const result = body as ComparisonDto;
      expect(names(result)).toEqual(['Far Away Fay']);
      expect(result.area).toMatchObject({ basis: 'city', cities: ['Sydney'] });
    });

    it('refuses a zone that is not an IANA zone', async () => {
      const { body } = await compare({
        useCase: 'profile',
        viewerTimeZone: 'Mars/Olympus_Mons',
      }).expect(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(body.details)).toMatch(/viewerTimeZone/);
    });
  });

  it.each([['selfie'], ['']])(
    'refuses an unknown use case (%j) and lists the valid ones',
    async (useCase) => {
      const { body } = await compare({ useCase, city: 'Berlin' }).expect(400);
      expect(body).toMatchObject({
        code: 'UNKNOWN_USE_CASE',
        details: { validUseCases: [...USE_CASES] },
      });
      expect(body.message).toMatch(/profile, website, press, executive, actor, print/);
    },
  );

  it('needs the owner’s session for a draft, and hides other people’s drafts', async () => {
    await compare({ useCase: 'profile', draftId: draft.id }).expect(401);
    const stranger = await signUp(server, { role: 'client' });
    const { body } = await compare({ useCase: 'profile', draftId: draft.id }, stranger).expect(404);
    expect(body.code).toBe('DRAFT_NOT_FOUND');
  });

  it('refuses a failed draft and an expired one with a clear 409', async () => {
    const created = await uploadPhoto(server, client, await photos.coffee()).expect(202);
    const failed = await waitForDraft(server, client, created.body.id);
    expect(failed.status).toBe('failed');
    const refused = await compare({ useCase: 'profile', draftId: failed.id }, client).expect(409);
    expect(refused.body).toMatchObject({ code: 'DRAFT_NOT_COMPARABLE' });
    expect(refused.body.message).toMatch(/failed.*upload another photo/);

    await t.app.get(DataSource).getRepository(Draft).update(failed.id, { status: 'expired' });
    const expired = await compare({ useCase: 'profile', draftId: failed.id }, client).expect(409);
    expect(expired.body.message).toMatch(/expired/);
  });
});
