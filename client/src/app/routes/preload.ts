/** The chunk with the sign-up and log-in pages; imported on first visit or on intent. */
export const loadAuthPages = () => import('./auth-pages');

/** Props for a link to /signup or /login: start downloading the page when the pointer heads there. */
export const preloadAuthPagesOnIntent = {
  onPointerEnter: () => void loadAuthPages(),
  onFocus: () => void loadAuthPages(),
  onTouchStart: () => void loadAuthPages(),
};
