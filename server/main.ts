import './threadpool';
import { start } from './start';

// The embedded default: one process serves the API and renders (PROCESS_ROLE, default `all`).
start();
