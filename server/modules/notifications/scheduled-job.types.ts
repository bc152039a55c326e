export interface JobState {
  cursorAt: Date | null;
  cursorId: string | null;
}

export interface ScheduledJobDefinition {
  readonly name: string;
  /** Does one round of work from the stored state; returns what to store for the next round. */
  run(state: JobState, now: Date): Promise<Partial<JobState>>;
}
