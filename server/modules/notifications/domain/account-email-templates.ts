import {
  EMAIL_CHANGE_TTL_HOURS,
  PASSWORD_RESET_TTL_MINUTES,
  VERIFY_EMAIL_TTL_HOURS,
} from '../../../../shared/auth/account.types';
import { type EmailContent, layoutEmail, type RenderedEmail } from './email-templates';

/** Emails about the account itself (not about a booking). */
export const ACCOUNT_EMAIL_KINDS = [
  'verify_email',
  'sign_up_attempt',
  'email_change_attempt',
  'password_reset',
  'password_changed',
  'email_change',
  'email_changed',
  'account_deleted',
] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];

export interface AccountEmailContext {
  kind: AccountEmailKind;
  recipientName: string;
  /** The page the link opens, with its token; absent for notices. */
  link?: string;
  /** For email changes: the address the account moves to. */
  newEmail?: string;
  /** The public site, for notices that point to the log-in page. */
  siteUrl: string;
}

function contentOf(c: AccountEmailContext): EmailContent {
  const link = c.link ?? c.siteUrl;
  const notMe = 'If this was not you, you can ignore this email.';
  switch (c.kind) {
    case 'verify_email':
      return {
        subject: 'Confirm your email address for Lensbridge',
        paragraphs: [
          'Welcome to Lensbridge. Please confirm that this address is yours.',
          'You can already make AI drafts. Booking a photographer, being listed as one and receiving payouts start once the address is confirmed.',
          `The link works for ${VERIFY_EMAIL_TTL_HOURS} hours.`,
          notMe,
        ],
        action: { label: 'Confirm my email', url: link },
      };
    case 'sign_up_attempt':
      return {
        subject: 'Someone tried to sign up with your address',
        paragraphs: [
          'Someone just tried to create a Lensbridge account with this email address, which already has one.',
          'If it was you: log in with your password, or reset it if you have forgotten it.',
          'If it was not you, nothing has changed and you do not need to do anything.',
        ],
        action: { label: 'Reset my password', url: link },
      };
    case 'email_change_attempt':
      return {
        subject: 'Someone tried to move another account to your address',
        paragraphs: [
          'Someone signed in to Lensbridge just asked to move their account to this email address, which already has an account: yours.',
          'Nothing has changed on your account, and no link was sent. If you did this from a second account, use another address for it.',
        ],
        action: { label: 'Log in', url: link },
      };
    case 'password_reset':
      return {
        subject: 'Reset your Lensbridge password',
        paragraphs: [
          'Someone asked to reset the password of the Lensbridge account for this address.',
          `The link works once, for ${PASSWORD_RESET_TTL_MINUTES} minutes. Choosing a new password signs you out everywhere.`,
          `${notMe} Your password stays as it is.`,
        ],
        action: { label: 'Choose a new password', url: link },
      };
    case 'password_changed':
      return {
        subject: 'Your Lensbridge password was changed',
        paragraphs: [
          'The password of your Lensbridge account was just changed, and your other devices were signed out.',
          'If this was not you, reset your password now with the link below.',
        ],
        action: { label: 'Reset my password', url: link },
      };
    case 'email_change':
      return {
        subject: 'Confirm your new email address for Lensbridge',
        paragraphs: [
          `Your Lensbridge account asked to use ${c.newEmail ?? 'this address'} from now on.`,
          `Follow the link to confirm it; it works once, for ${EMAIL_CHANGE_TTL_HOURS} hours. Until then the account keeps its current address.`,
          notMe,
        ],
        action: { label: 'Confirm this address', url: link },
      };
    case 'email_changed':
      return {
        subject: 'Your Lensbridge email address was changed',
        paragraphs: [
          `Your Lensbridge account now uses ${c.newEmail ?? 'a new address'}. Emails will go there from now on.`,
          'If this was not you, reply to this email straight away so we can help you get the account back.',
        ],
      };
    case 'account_deleted':
      return {
        subject: 'Your Lensbridge account was deleted',
        paragraphs: [
          'Your Lensbridge account was deleted as you asked. Your drafts, photos, sessions and profile are gone.',
          'Bookings, payment records and reviews are kept without your name, as the law and the other party need them.',
          'This is the last email we send to this address.',
        ],
      };
  }
}

export function renderAccountEmail(context: AccountEmailContext): RenderedEmail {
  return layoutEmail(context.recipientName, contentOf(context));
}
