import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession } from '@/testing/factories';
import { fakeApi, json, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

describe('Landing page', () => {
  it('invites a visitor to sign up or log in', () => {
    fakeApi({ 'GET /api/auth/me': signedOut });
    renderApp('/');

    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'An AI draft headshot in seconds, a studio photographer for the official one.',
      }),
    ).toBeVisible();
    expect(screen.getAllByRole('link', { name: 'Sign up' })[0]).toHaveAttribute('href', '/signup');
    expect(screen.getAllByRole('link', { name: 'Log in' })[0]).toHaveAttribute('href', '/login');
    expect(screen.queryByRole('link', { name: 'Go to your home' })).not.toBeInTheDocument();
  });

  it('offers a signed-in person the way to their home instead', async () => {
    fakeApi({ 'GET /api/auth/me': () => json(200, aSession()) });
    renderApp('/');

    expect((await screen.findAllByRole('link', { name: 'Go to your home' }))[0]).toHaveAttribute(
      'href',
      '/app',
    );
    expect(screen.queryByRole('link', { name: 'Log in' })).not.toBeInTheDocument();
  });
});

describe('Unknown pages', () => {
  it('shows a 404 page with a way back', () => {
    fakeApi({ 'GET /api/auth/me': signedOut });
    renderApp('/no-such-page');

    expect(screen.getByRole('heading', { name: "We can't find that page" })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });

  it('shows a 404 inside the app frame for unknown app pages', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'admin', name: 'Op Erator' })),
    });
    renderApp('/app/no-such-page');

    expect(await screen.findByRole('heading', { name: "This page doesn't exist" })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Operations' })).toHaveAttribute('href', '/app');
  });
});
