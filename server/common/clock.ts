import { type DynamicModule, Global, Module } from '@nestjs/common';

/**
 * The one source of "now" for services: they inject it instead of calling `new Date()`, so a
 * test sets the time rather than editing rows behind the API. Pure rules in `domain/` still take
 * `now` as a parameter; the service reads it here and passes it on.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's time: what the app runs on outside tests. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until the test moves it: unit tests with fakes. */
export class FixedClock extends Clock {
  private at: number;

  constructor(at: Date | string) {
    super();
    this.at = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/**
 * The machine's time shifted by an offset a test moves: e2e suites jump to "an hour after the
 * session started" while time keeps running (rows still get distinct, ordered timestamps).
 */
export class TravellingClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the clock reads `at`, then runs on from there. */
  travelTo(at: Date | string): void {
    this.offsetMs = new Date(at).getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to the machine's time. */
  reset(): void {
    this.offsetMs = 0;
  }
}

/** Provides the Clock to every module: the system clock, or the one a test passes in. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
