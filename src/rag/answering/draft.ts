import type { ConversationFocus } from '../../store/trace-repository.js';
import type { Claim } from '../answer.js';

/** An answerer's answer before its claims are checked and its citations numbered. */
export interface Draft {
  found: boolean;
  claims: Claim[];
  focus: ConversationFocus;
  /** Why the answer was declined, for the trace. */
  reason?: string;
  /** The model's probability that the best sentence answers the question (1 for a register lookup, 0 when declined by a rule). */
  probability?: number;
  /** How the answer was chosen (the best candidates and their scores), for the trace. */
  decision?: DecisionEntry[];
}

/** One candidate of the trace: where it came from, its probability, and whether it was chosen. */
export interface DecisionEntry {
  strategy: string;
  probability: number;
  chosen: boolean;
  first: string;
  features?: Record<string, number>;
}

export const declined = (reason: string, decision: DecisionEntry[] = [], probability = 0): Draft => ({ found: false, claims: [], focus: { documents: [], persons: [] }, reason, decision, probability });
