/**
 * Stops asking a model that keeps failing: after `failuresToOpen` failures in a row the
 * circuit opens and every question is answered offline at once; after `openMs` one question
 * tries the model again (half-open) — success closes the circuit, failure opens it for another
 * `openMs`. So a dead server costs users at most one time-out per `openMs`.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil: number | null = null;
  private trial = false;
  private openedAt: number | null = null;

  constructor(
    private readonly now: () => Date,
    private readonly failuresToOpen = 2,
    private readonly openMs = 60_000,
  ) {}

  /** May this call go to the model? In the half-open state only one call at a time does. */
  allow(): boolean {
    if (this.openUntil === null) return true;
    if (this.now().getTime() < this.openUntil || this.trial) return false;
    this.trial = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = null;
    this.openedAt = null;
    this.trial = false;
  }

  failure(): void {
    this.failures++;
    if (this.trial || this.failures >= this.failuresToOpen) {
      this.openedAt ??= this.now().getTime();
      this.openUntil = this.now().getTime() + this.openMs;
    }
    this.trial = false;
  }

  /** For /stats and traces: closed, or open since when and until when the next try. */
  status(): { state: 'closed' } | { state: 'open'; since: Date; retryAt: Date; failures: number } {
    if (this.openUntil === null) return { state: 'closed' };
    return { state: 'open', since: new Date(this.openedAt!), retryAt: new Date(this.openUntil), failures: this.failures };
  }
}
