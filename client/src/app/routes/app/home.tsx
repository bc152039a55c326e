import { Link } from 'react-router';
import type { UserDto } from '@shared/auth/auth.types';
import { Card } from '@/components/ui/card';

interface Step {
  title: string;
  text: string;
  /** Where the step is done, and what the link says. */
  to: string;
  action: string;
}

interface RoleHome {
  title: string;
  lead: string;
  /** Names the list of cards for screen readers. */
  stepsLabel: string;
  steps: readonly Step[];
}

// Each step links to the page where it is done. The link texts differ from the navigation's
// names, so "Bookings" or "Payments" names one link on the page.
const homes: Record<UserDto['role'], RoleHome> = {
  client: {
    title: 'Your headshots',
    stepsLabel: 'Your next steps',
    lead: "Here's how Lensbridge gets you a headshot you're happy to use.",
    steps: [
      {
        title: 'Try an AI draft',
        to: '/app/drafts',
        action: 'Make a draft',
        text: 'Upload one well-lit photo. In seconds you get drafts in a few styles, with a plain-language check of lighting, head angle and eye contact.',
      },
      {
        title: 'Compare with a studio session',
        to: '/app/compare',
        action: 'See the comparison',
        text: "See your draft next to studio packages near you: total cost, how soon you'd have it, resolution, and what each is good enough for.",
      },
      {
        title: 'Book a photographer',
        to: '/photographers',
        action: 'Find a photographer',
        text: 'Pick a photographer, a package and a time, pay a deposit, and share the draft you liked as a brief for the session.',
      },
    ],
  },
  photographer: {
    title: 'Your studio',
    stepsLabel: 'Setting up your studio',
    lead: 'Set up how clients find and book you, then run your bookings and deliveries here.',
    steps: [
      {
        title: 'Profile',
        to: '/app/studio/profile',
        action: 'Edit your profile',
        text: 'Your bio, city, studio address, styles and portfolio: what clients see before they book.',
      },
      {
        title: 'Packages',
        to: '/app/studio/packages',
        action: 'Edit packages',
        text: 'Session length, price, deposit, included retouched images and how many days until delivery.',
      },
      {
        title: 'Availability',
        to: '/app/studio/availability',
        action: 'Set your hours',
        text: 'Weekly hours in your own time zone, buffers between sessions, minimum notice and days off.',
      },
      {
        title: 'Bookings',
        to: '/app/bookings',
        action: 'See requests and sessions',
        text: "Confirm requests, see each client's draft brief, deliver proofs and finals, and get paid.",
      },
    ],
  },
  admin: {
    title: 'Operations',
    stepsLabel: 'Operator tools',
    lead: 'Operator tools for running Lensbridge.',
    steps: [
      {
        title: 'Photographer approvals',
        to: '/app/photographers',
        action: 'Review new profiles',
        text: 'Review new photographer profiles before they appear to clients.',
      },
      {
        title: 'Bookings and payments',
        to: '/app/payments',
        action: 'See every payment',
        text: 'See every booking and payment, with its history of changes.',
      },
      {
        title: 'Disputes and refunds',
        to: '/app/payments',
        action: 'Handle refunds',
        text: 'Handle problems between clients and photographers, and issue refunds.',
      },
    ],
  },
};

export function RoleHomeRoute({ user }: { user: UserDto }) {
  const home = homes[user.role];
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;

  return (
    <div className="app-page">
      <title>{`${home.title} · Lensbridge`}</title>
      <div className="app-page__header">
        <p className="eyebrow">Welcome, {firstName}</p>
        <h1 className="page-title">{home.title}</h1>
        <p className="page-lead">{home.lead}</p>
      </div>
      <ol className="step-grid" aria-label={home.stepsLabel}>
        {home.steps.map((step, index) => (
          <li key={step.title}>
            <Card className="step-card">
              <div className="step-card__top">
                <span className="step-card__number" aria-hidden="true">
                  {index + 1}
                </span>
              </div>
              <h2 className="step-card__title">{step.title}</h2>
              <p className="step-card__text">{step.text}</p>
              <Link className="step-card__link" to={step.to}>
                {step.action}
              </Link>
            </Card>
          </li>
        ))}
      </ol>
      <p className="app-page__aside">
        Your name, email and password are on <Link to="/app/account">your account</Link> page.
      </p>
    </div>
  );
}
