import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './api-server';

// Lazy routes load their chunk on first render; on a busy 2-core CI that can take over the
// default second, so findBy* waits longer (a passing test still finishes as soon as it can).
configure({ asyncUtilTimeout: 5_000 });

function clearCookies() {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

// A request no handler answers fails the test. The callback form, unlike the plain 'error'
// strategy, also fails images, fonts and scripts, which MSW would otherwise let reach the network.
beforeAll(() => server.listen({ onUnhandledRequest: (_request, print) => print.error() }));

afterEach(() => {
  cleanup();
  server.resetHandlers();
  clearCookies();
});

afterAll(() => server.close());

// jsdom has no layout, and logs "Not implemented" for scrolling; the app scrolls to top on navigation.
window.scrollTo = () => {};

// jsdom has no pointer capture; the toasts (sonner) capture the pointer to let a swipe dismiss them.
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;
