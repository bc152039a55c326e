import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatPrice } from '@shared/money';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Wordmark } from '@/components/ui/wordmark';
import { useMe } from '@/features/auth/api/get-me';
import { comparisonQueryOptions } from '@/features/compare/api/get-comparison';
import { viewerTimeZone } from '@/lib/zoned-time';
import { SampleComparison } from '@/features/compare/components/sample-comparison';
import { PortraitArt } from './landing-art';
import { preloadAuthPagesOnIntent as preload } from './preload';
import './landing.css';

const steps = [
  {
    title: 'Upload one photo',
    text: 'We check lighting, sharpness, head angle and eye contact, and tell you plainly what would make it better.',
  },
  {
    title: 'Get drafts in a few styles',
    text: 'Studio backdrop, solid colour or a softened background, framed for the crop you need. Every draft is labelled as AI-made.',
  },
  {
    title: 'Compare, then book if it matters',
    text: "See cost, turnaround and resolution next to studio sessions nearby, and book a photographer when a draft isn't enough.",
  },
] as const;

/** Replaced by the real price (or "free") once the sample comparison has loaded. */
const HD_PRICE_POINT = 'The preview is free; HD images may cost a small one-off fee';

const choices = [
  {
    key: 'ai',
    title: 'AI draft',
    lead: 'For a profile picture or a team page, today.',
    points: [
      'Ready in seconds from one photo you already have',
      HD_PRICE_POINT,
      'Labelled AI-generated, on the image and in the file',
      'Not for passports, official documents or print',
    ],
  },
  {
    key: 'studio',
    title: 'Studio session',
    lead: 'For the portrait that has to be right.',
    points: [
      'A real photographer near you, in the studio or on location',
      'Final images in days, not seconds',
      'Fit for official use, press and print',
      'Already unlocked a draft? Its price counts toward the session for 30 days',
    ],
  },
] as const;

export function LandingRoute() {
  const signedIn = Boolean(useMe().data);
  // The same query the sample comparison makes (shared from the cache): the HD price it shows.
  const sample = useQuery({
    ...comparisonQueryOptions({ useCase: 'profile', viewerTimeZone: viewerTimeZone() }),
    retry: false,
  });
  const hdPoint = !sample.data
    ? HD_PRICE_POINT
    : sample.data.ai.hdUnlockPriceCents > 0
      ? `The preview is free; the HD images cost a one-off ${formatPrice(sample.data.ai.hdUnlockPriceCents, sample.data.ai.currency)}`
      : 'The preview and, in this demo, the HD images are free';

  return (
    <div className="landing">
      <title>Lensbridge · AI draft headshots and studio photographers</title>
      <header className="container landing-header">
        <Link to="/" className="landing-header__brand" aria-label="Lensbridge home">
          <Wordmark />
        </Link>
        <nav className="landing-header__actions" aria-label="Account">
          <ButtonLink to="/photographers" variant="ghost" size="sm">
            Photographers
          </ButtonLink>
          {signedIn ? (
            <ButtonLink to="/app" size="sm">
              Go to your home
            </ButtonLink>
          ) : (
            <>
              <ButtonLink {...preload} to="/login" variant="ghost" size="sm">
                Log in
              </ButtonLink>
              <ButtonLink {...preload} to="/signup" size="sm">
                Sign up
              </ButtonLink>
            </>
          )}
        </nav>
      </header>

      <main id="main">
        <section className="container hero">
          <div className="hero__text">
            <Badge tone="accent">Early access</Badge>
            <h1 className="hero__title">
              An AI draft headshot in seconds, a studio photographer for the official one.
            </h1>
            <p className="hero__lead">
              Upload one photo and get a draft headshot with an honest quality check. When it has to
              be right, compare it with real studio sessions nearby and book a photographer.
            </p>
            <div className="hero__actions">
              {signedIn ? (
                <ButtonLink to="/app" size="lg">
                  Go to your home
                </ButtonLink>
              ) : (
                <>
                  <ButtonLink {...preload} to="/signup" size="lg">
                    Sign up
                  </ButtonLink>
                  <ButtonLink {...preload} to="/login" size="lg" variant="secondary">
                    Log in
                  </ButtonLink>
                </>
              )}
            </div>
            <p className="hero__note">
              Already know you want a studio session?{' '}
              <Link to="/photographers">Find a photographer near you</Link>.
            </p>
            {signedIn ? null : (
              <p className="hero__note">
                Photographer?{' '}
                <Link {...preload} to="/signup?role=photographer">
                  Offer your sessions on Lensbridge
                </Link>
                .
              </p>
            )}
          </div>

          <div className="hero-visual" aria-hidden="true">
            <figure className="photo photo--draft">
              <div className="photo__frame">
                <PortraitArt look="draft" />
                <span className="photo__stamp">AI draft</span>
              </div>
              <figcaption className="photo__caption">
                <strong>AI draft</strong>
                <span>Ready in seconds</span>
              </figcaption>
            </figure>
            <figure className="photo photo--studio">
              <div className="photo__frame">
                <PortraitArt look="studio" />
              </div>
              <figcaption className="photo__caption">
                <strong>Studio final</strong>
                <span>By a photographer near you</span>
              </figcaption>
            </figure>
          </div>
        </section>

        <section className="container how" aria-labelledby="how-title">
          <h2 id="how-title" className="section-title">
            How it works
          </h2>
          <ol className="how__steps">
            {steps.map((step, index) => (
              <li key={step.title} className="how__step">
                <span className="how__number" aria-hidden="true">
                  {index + 1}
                </span>
                <h3 className="how__title">{step.title}</h3>
                <p className="how__text">{step.text}</p>
              </li>
            ))}
          </ol>
        </section>

        <section className="container choice" aria-labelledby="choice-title">
          <div className="choice__intro">
            <h2 id="choice-title" className="section-title">
              AI draft or studio session?
            </h2>
            <p className="choice__lead">
              Both are headshots; they are good for different things. Here is the difference in
              plain words, and a live comparison with photographers on Lensbridge.
            </p>
          </div>
          <div className="choice__grid">
            <div className="choice__main">
              <ul className="choice__cards">
                {choices.map((choice) => (
                  <li key={choice.key} className={`choice__card choice__card--${choice.key}`}>
                    <h3 className="choice__title">{choice.title}</h3>
                    <p className="choice__card-lead">{choice.lead}</p>
                    <ul className="choice__points">
                      {choice.points.map((point) => (
                        <li key={point}>{point === HD_PRICE_POINT ? hdPoint : point}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              <div className="choice__actions">
                {/* Someone without an account starts by making one, then lands in the studio. */}
                <ButtonLink
                  to={signedIn ? '/app/drafts' : '/signup?next=%2Fapp%2Fdrafts'}
                  size="lg"
                >
                  Try a free AI draft
                </ButtonLink>
                <p className="hero__note">
                  {signedIn
                    ? 'Upload a photo and compare your draft with studio sessions.'
                    : 'Free, no payment needed. Create an account (or log in) to upload your photo.'}
                </p>
              </div>
            </div>
            <SampleComparison />
          </div>
        </section>

        <section className="pro-band" aria-labelledby="pro-title">
          <div className="container pro-band__inner">
            <div className="pro-band__text">
              <p className="eyebrow">For photographers</p>
              <h2 id="pro-title" className="section-title">
                Clients arrive knowing the look they want
              </h2>
              <p>
                Run your profile, packages, hours and bookings in one place. A client who books can
                share the draft they liked, so you see the brief before the session.
              </p>
            </div>
            <ButtonLink {...preload} to="/signup?role=photographer" variant="secondary" size="lg">
              Sign up as a photographer
            </ButtonLink>
          </div>
        </section>
      </main>

      <footer className="container landing-footer">
        <Wordmark />
        <p>
          AI drafts are marked as AI-generated, on the preview and in the file&rsquo;s metadata.{' '}
          <Link to="/verify">Check an image&rsquo;s Content Credentials</Link>
        </p>
      </footer>
    </div>
  );
}
