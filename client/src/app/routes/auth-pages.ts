// The sign-up and log-in pages share one lazily loaded chunk (they share the form libraries).
export { LoginRoute } from './login';
export { SignupRoute } from './signup';
