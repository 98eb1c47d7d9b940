import type Database from 'better-sqlite3';
import { Statements } from './statements.js';
import type { PresentationRole } from '../facts/roles.js';
import type { ArticleFacts, DeadlineFact, Evidence, PresentationFact } from '../facts/types.js';
import { matchesDocumentQuery, type DocumentQuery } from '../text/document-ids.js';
import { foldForMatch } from '../text/normalize.js';

/** Where a fact comes from, for citing it. */
export interface FactSource {
  articleId: string;
  chunkId: number | null;
  source: string;
  title: string;
  publishedDate: string | null;
}

export interface StoredPresentation extends Omit<PresentationFact, 'documentIds' | 'resolutions' | 'resolutionLabels'>, FactSource {
  id: number;
  documentIds: string[];
  resolutions: string[];
  resolutionLabels: string[];
}

export interface StoredDeadline extends DeadlineFact, FactSource {
  id: number;
}

export interface StoredDocumentMention extends FactSource {
  canonicalId: string;
  label: string;
  kind: string | null;
  issuedDate: string | null;
  issuer: string | null;
  quote: string;
  start: number;
  end: number;
}

/**
 * Index range of the canonical ids with a given number: "28-NQ/TW", "28/2023/QH15" lie in
 * ["28-", "280") (after the number comes "-" or "/"; "280-…" sorts after the range).
 */
function numberRange(query: DocumentQuery): [string, string] {
  return [`${query.number}-`, `${query.number}0`];
}

/** Where a stored chunk lies in its article's text, to tie each fact to the chunk holding its quote. */
export interface ChunkSpan {
  id: number;
  start: number;
  end: number;
}

const SOURCE_COLUMNS = `f.article_id AS articleId, f.chunk_id AS chunkId, a.source, a.title, a.published_date AS publishedDate`;
const MENTION_COLUMNS = `f.canonical_id AS canonicalId, f.label, f.kind, f.issued_date AS issuedDate, f.issuer, f.quote, f.start, f.end`;

interface PresentationRow {
  id: number;
  articleId: string;
  chunkId: number | null;
  source: string;
  title: string;
  publishedDate: string | null;
  presenter: string;
  titles: string;
  act: string;
  role: PresentationRole;
  document: string;
  eventDate: string | null;
  eventDateRaw: string | null;
  eventDateInference: string | null;
  namedIn: string | null;
  quote: string;
  start: number;
  end: number;
  origin: 'rules' | 'llm';
  documents: string | null;
}

/**
 * Facts in SQLite: written with their article (same transaction, replaced on update, gone on
 * delete) and read by person, by document or resolution, and by date range.
 */
export class FactRepository {
  private presenters: Map<string, string> | undefined;

  private readonly statements: Statements;

  constructor(private readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  private sql<P extends unknown[] = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    return this.statements.get<P, R>(source);
  }

  /** Replaces an article's facts; call inside the article's transaction. Chunk ids are found from offsets. */
  replaceFacts(articleId: string, facts: ArticleFacts, written?: { chunks: ChunkSpan[]; isNew: boolean }): void {
    this.presenters = undefined;
    // An article just inserted has no facts yet, and its writer knows its chunks: no lookups needed.
    if (!written?.isNew) {
      for (const table of ['document_mentions', 'presentations', 'deadlines']) this.sql(`DELETE FROM ${table} WHERE article_id = ?`).run(articleId);
    }
    const chunks =
      written?.chunks ??
      this.sql<[string], ChunkSpan>('SELECT id, start, end FROM chunks WHERE article_id = ? ORDER BY position').all(articleId);
    const chunkFor = (start: number, end: number) =>
      (chunks.find((c) => c.start <= start && end <= c.end) ?? chunks.find((c) => c.start <= start && start < c.end))?.id ?? null;

    const mention = this.sql(
      `INSERT INTO document_mentions (article_id, chunk_id, canonical_id, label, kind, issued_date, issuer, quote, start, end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const d of facts.documents) {
      mention.run(articleId, chunkFor(d.start, d.end), d.canonicalId, d.label, d.kind, d.issuedDate, d.issuer, d.quote, d.start, d.end);
    }
    const presentation = this.sql(
      `INSERT INTO presentations (article_id, chunk_id, presenter, presenter_folded, titles, act, role, document, event_date, event_date_raw,
         event_date_inference, named_in, quote, start, end, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = this.sql('INSERT OR IGNORE INTO presentation_documents (presentation_id, canonical_id, label, role) VALUES (?, ?, ?, ?)');
    for (const p of facts.presentations) {
      const id = Number(
        presentation.run(articleId, chunkFor(p.start, p.end), p.presenter, foldForMatch(p.presenter), JSON.stringify(p.titles), p.act, p.role, p.document,
          p.eventDate, p.eventDateRaw, p.eventDateInference, p.namedIn ? JSON.stringify(p.namedIn) : null, p.quote, p.start, p.end, p.origin).lastInsertRowid,
      );
      for (const documentId of p.documentIds) link.run(id, documentId, documentId, 'document');
      p.resolutions.forEach((resolution, i) => link.run(id, resolution, p.resolutionLabels[i] ?? resolution, 'resolution'));
    }
    const deadline = this.sql(
      `INSERT INTO deadlines (article_id, chunk_id, task, responsible, phrase, kind, start_date, end_date, inference, related_document, quote, start, end, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const d of facts.deadlines) {
      deadline.run(articleId, chunkFor(d.start, d.end), d.task, d.responsible, d.phrase, d.kind, d.startDate, d.endDate, d.inference, d.relatedDocument, d.quote, d.start, d.end, d.origin);
    }
  }

  /** Every presenter's name, to recognise names typed without diacritics in questions. */
  presenterNames(): string[] {
    return [...new Set(this.presenterIndex().values())];
  }

  /** Folded name ("vu duc bao") → name as written; cached until facts change. */
  presenterIndex(): Map<string, string> {
    if (!this.presenters) {
      this.presenters = new Map();
      for (const row of this.sql<[], { presenter: string; folded: string }>('SELECT DISTINCT presenter, presenter_folded AS folded FROM presentations').iterate()) {
        this.presenters.set(row.folded, row.presenter);
      }
    }
    return this.presenters;
  }

  counts(): { presentations: number; deadlines: number; documents: number } {
    return this.sql<[], { presentations: number; deadlines: number; documents: number }>(
        `SELECT (SELECT count(*) FROM presentations) AS presentations, (SELECT count(*) FROM deadlines) AS deadlines,
                (SELECT count(DISTINCT canonical_id) FROM document_mentions) AS documents`,
      )
      .get()!;
  }

  /** Presentations whose presenter's name holds every word of `name`, with or without diacritics. */
  presentationsByPerson(name: string): StoredPresentation[] {
    const words = foldForMatch(name).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    // The names holding every word, found among the distinct names in memory, then read by the
    // index: a LIKE over every presentation took 85 ms at 100k chunks.
    const names = [...this.presenterIndex().keys()].filter((folded) => words.every((word) => ` ${folded} `.includes(` ${word} `)));
    if (names.length === 0) return [];
    return this.presentations(`WHERE f.presenter_folded IN (${names.map(() => '?').join(',')})`, names);
  }

  /** Presentations of a document, or of plans implementing a resolution ("NQ 28", "28-NQ/TW"). */
  presentationsByDocument(query: DocumentQuery): StoredPresentation[] {
    const ids = this.sql<string[], { id: number; canonical: string }>(
        `SELECT presentation_id AS id, canonical_id AS canonical FROM presentation_documents WHERE canonical_id >= ? AND canonical_id < ?`,
      )
      .all(...numberRange(query))
      .filter((row) => matchesDocumentQuery(row.canonical, query))
      .map((row) => row.id);
    if (ids.length === 0) return [];
    return this.presentations(`WHERE f.id IN (${ids.map(() => '?').join(',')})`, ids);
  }

  /**
   * Who did what in one article, in the order the article tells it; `roles` keeps only those acts
   * (a digest's "who presented what" may leave out who chaired: `PRESENTING_ROLES`).
   */
  presentationsOfArticle(articleId: string, roles?: readonly PresentationRole[]): StoredPresentation[] {
    if (!roles) return this.presentations('WHERE f.article_id = ?', [articleId]);
    return this.presentations(`WHERE f.article_id = ? AND f.role IN (${roles.map(() => '?').join(',')})`, [articleId, ...roles]);
  }

  /** Presentations of one class ("who chaired", "who signed"), optionally within one article. */
  presentationsByRole(role: PresentationRole, articleId?: string): StoredPresentation[] {
    return articleId === undefined
      ? this.presentations('WHERE f.role = ?', [role])
      : this.presentations('WHERE f.role = ? AND f.article_id = ?', [role, articleId]);
  }

  allPresentations(): StoredPresentation[] {
    return this.presentations('', []);
  }

  /** Mentions of a document anywhere (its issuing date, issuer and the sentence that says so). */
  /** The documents an article mentions, in text order. */
  documentsOfArticle(articleId: string): StoredDocumentMention[] {
    return this.sql<[string], StoredDocumentMention>(
      `SELECT ${SOURCE_COLUMNS}, ${MENTION_COLUMNS}
       FROM document_mentions f JOIN articles a ON a.id = f.article_id WHERE f.article_id = ? ORDER BY f.start`,
    ).all(articleId);
  }

  documentMentions(query: DocumentQuery): StoredDocumentMention[] {
    return this.sql<string[], StoredDocumentMention>(
        `SELECT ${SOURCE_COLUMNS}, ${MENTION_COLUMNS}
         FROM document_mentions f JOIN articles a ON a.id = f.article_id
         WHERE f.canonical_id >= ? AND f.canonical_id < ? ORDER BY f.issued_date IS NULL, f.article_id, f.start`,
      )
      .all(...numberRange(query))
      .filter((row) => matchesDocumentQuery(row.canonicalId, query));
  }

  /** Documents issued on a date ("the plan issued on 8 June 2021"). */
  documentsIssuedOn(date: string): StoredDocumentMention[] {
    return this.sql<[string], StoredDocumentMention>(
        `SELECT ${SOURCE_COLUMNS}, ${MENTION_COLUMNS}
         FROM document_mentions f JOIN articles a ON a.id = f.article_id WHERE f.issued_date = ? ORDER BY f.article_id, f.start`,
      )
      .all(date);
  }

  /** Deadlines whose period meets [from, to] (ISO dates, inclusive), earliest first. */
  deadlinesBetween(from: string, to: string): StoredDeadline[] {
    return this.deadlines('WHERE f.end_date >= ? AND COALESCE(f.start_date, f.end_date) <= ?', [from, to]);
  }

  /** Deadlines whose last day falls in [from, to]: what is due in that window. */
  deadlinesEndingBetween(from: string, to: string): StoredDeadline[] {
    return this.deadlines('WHERE f.end_date >= ? AND f.end_date <= ?', [from, to]);
  }

  /** Deadlines ending on or before `date`. */
  deadlinesDueBy(date: string): StoredDeadline[] {
    return this.deadlines('WHERE f.end_date <= ?', [date]);
  }

  deadlinesOfArticle(articleId: string): StoredDeadline[] {
    return this.deadlines('WHERE f.article_id = ?', [articleId]);
  }

  deadlinesOfDocument(query: DocumentQuery): StoredDeadline[] {
    return this.deadlines('WHERE f.related_document >= ? AND f.related_document < ?', numberRange(query)).filter((d) => matchesDocumentQuery(d.relatedDocument!, query));
  }

  allDeadlines(): StoredDeadline[] {
    return this.deadlines('', []);
  }

  private presentations(where: string, params: unknown[]): StoredPresentation[] {
    const rows = this.sql<unknown[], PresentationRow>(
        `SELECT f.id, ${SOURCE_COLUMNS}, f.presenter, f.titles, f.act, f.role, f.document, f.event_date AS eventDate, f.event_date_raw AS eventDateRaw,
                f.event_date_inference AS eventDateInference, f.named_in AS namedIn, f.quote, f.start, f.end, f.origin,
                (SELECT json_group_array(json_array(d.canonical_id, d.label, d.role)) FROM presentation_documents d WHERE d.presentation_id = f.id) AS documents
         FROM presentations f JOIN articles a ON a.id = f.article_id ${where}
         ORDER BY f.event_date IS NULL, f.event_date, f.article_id, f.start`,
      )
      .all(...params);
    return rows.map(({ documents, titles, namedIn, ...row }) => {
      const links = JSON.parse(documents ?? '[]') as Array<[string, string, string]>;
      return {
        ...row,
        titles: JSON.parse(titles) as string[],
        namedIn: namedIn ? (JSON.parse(namedIn) as Evidence) : null,
        documentIds: links.filter((l) => l[2] === 'document').map((l) => l[0]),
        resolutions: links.filter((l) => l[2] === 'resolution').map((l) => l[0]),
        resolutionLabels: links.filter((l) => l[2] === 'resolution').map((l) => l[1]),
      };
    });
  }

  private deadlines(where: string, params: unknown[]): StoredDeadline[] {
    return this.sql<unknown[], StoredDeadline>(
        `SELECT f.id, ${SOURCE_COLUMNS}, f.task, f.responsible, f.phrase, f.kind, f.start_date AS startDate, f.end_date AS endDate,
                f.inference, f.related_document AS relatedDocument, f.quote, f.start, f.end, f.origin
         FROM deadlines f JOIN articles a ON a.id = f.article_id ${where}
         ORDER BY f.end_date IS NULL, f.end_date, f.article_id, f.start`,
      )
      .all(...params);
  }
}
