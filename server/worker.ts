import './threadpool';
import { start } from './start';

// `npm run start:worker`: a worker process of the scaled topology (renders and scheduled work).
start('worker');
