import { useEffect, useRef } from 'react';

/** How long typing may pause before a search field applies what was typed. */
export const TYPING_PAUSE_MS = 400;

/**
 * Calls `apply` once `value` has stopped changing for `delayMs` (not on the first render), so
 * a search field filters as you type without a request per key.
 */
export function useApplyWhenTypingPauses(
  value: string,
  apply: () => void,
  delayMs = TYPING_PAUSE_MS,
) {
  const latest = useRef(apply);
  useEffect(() => {
    latest.current = apply;
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => latest.current(), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
}
