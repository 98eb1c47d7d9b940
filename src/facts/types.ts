import type { DeadlineKind } from '../text/deadline-phrases.js';
import type { PresentationRole } from './roles.js';

/** A stretch of the article text a fact rests on: `articleText.slice(start, end) === quote`. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
}

export interface PresentationFact extends Evidence {
  presenter: string;
  titles: string[];
  /** "trình bày", "tiếp thu, giải trình", "thay mặt Ban Thường vụ Thành ủy tiếp thu" … */
  act: string;
  /** The act as one class: `chair` for "chủ trì", `sign` for "ký ban hành", `brief` for "quán triệt" … */
  role: PresentationRole;
  /** What was presented, as written; for chairing, opening or a speech, the meeting. */
  document: string;
  /** Canonical ids of numbered non-resolution documents in `document` (the plan itself). */
  documentIds: string[];
  /** Resolutions the document implements or concerns, canonical ("28-NQ/TW"). */
  resolutions: string[];
  /** The same, as written ("28-NQ/TƯ"). */
  resolutionLabels: string[];
  eventDate: string | null;
  eventDateRaw: string | null;
  eventDateInference: string | null;
  /**
   * Where the article names the person, when the act's own sentence gives only a title
   * ("Tổng Bí thư dự và phát biểu chỉ đạo …" named by "Tổng Bí thư Tô Lâm …" elsewhere); null otherwise.
   */
  namedIn: Evidence | null;
  origin: 'rules' | 'llm';
}

export interface DeadlineFact extends Evidence {
  task: string;
  responsible: string | null;
  phrase: string;
  kind: DeadlineKind;
  startDate: string | null;
  endDate: string | null;
  inference: string | null;
  /** Canonical id of the plan or document the deadline belongs to, when the article names one before it. */
  relatedDocument: string | null;
  origin: 'rules' | 'llm';
}

export interface DocumentFact extends Evidence {
  canonicalId: string;
  label: string;
  kind: string | null;
  issuedDate: string | null;
  issuer: string | null;
}

export interface ArticleFacts {
  documents: DocumentFact[];
  presentations: PresentationFact[];
  deadlines: DeadlineFact[];
}
