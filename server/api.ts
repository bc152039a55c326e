import './threadpool';
import { start } from './start';

// `npm run start:api`: an API process of the scaled topology (no renders, no timers).
start('api');
