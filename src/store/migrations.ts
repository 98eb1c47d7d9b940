import type Database from 'better-sqlite3';
import { roleOfAct } from '../facts/roles.js';
import { foldDStroke } from '../text/normalize.js';

/**
 * Schema history. Each entry runs once, in order, inside a transaction; `PRAGMA user_version`
 * records how many have run. Never edit a shipped entry: append a new one.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  (db) =>
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        published_date TEXT,
        content_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        signature BLOB NOT NULL,
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX articles_content_hash ON articles(content_hash);

      -- Every place an article was read from; reprints of one story share an article.
      CREATE TABLE article_sources (
        source TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
      CREATE INDEX article_sources_article ON article_sources(article_id);

      -- MinHash band keys for finding reprints without comparing every pair.
      CREATE TABLE article_bands (
        band TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_bands_article ON article_bands(article_id);

      CREATE TABLE chunks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (article_id, position)
      );

      -- Kept so the vector index can always be rebuilt without re-embedding.
      CREATE TABLE chunk_embeddings (
        chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
        vector BLOB NOT NULL
      );

      -- Text is stored with đ→d folded; the tokenizer folds every other diacritic.
      CREATE VIRTUAL TABLE chunk_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER chunks_delete_fts AFTER DELETE ON chunks BEGIN
        DELETE FROM chunk_fts WHERE rowid = old.id;
      END;
    `),
  (db) =>
    db.exec(`
      -- Facts extracted at ingest. Each rests on a quote: article text [start, end) and the chunk holding it.
      CREATE TABLE document_mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        chunk_id INTEGER REFERENCES chunks(id) ON DELETE SET NULL,
        canonical_id TEXT NOT NULL,
        label TEXT NOT NULL,
        kind TEXT,
        issued_date TEXT,
        issuer TEXT,
        quote TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
      );
      CREATE INDEX document_mentions_canonical ON document_mentions(canonical_id);
      CREATE INDEX document_mentions_article ON document_mentions(article_id);

      CREATE TABLE presentations (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        chunk_id INTEGER REFERENCES chunks(id) ON DELETE SET NULL,
        presenter TEXT NOT NULL,
        presenter_folded TEXT NOT NULL,
        titles TEXT NOT NULL,
        act TEXT NOT NULL,
        document TEXT NOT NULL,
        event_date TEXT,
        event_date_raw TEXT,
        event_date_inference TEXT,
        quote TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        origin TEXT NOT NULL
      );
      CREATE INDEX presentations_presenter ON presentations(presenter_folded);
      CREATE INDEX presentations_article ON presentations(article_id);

      -- Documents a presentation is about: the plan itself ('document') and the resolutions it implements.
      CREATE TABLE presentation_documents (
        presentation_id INTEGER NOT NULL REFERENCES presentations(id) ON DELETE CASCADE,
        canonical_id TEXT NOT NULL,
        label TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('document', 'resolution')),
        PRIMARY KEY (presentation_id, canonical_id)
      ) WITHOUT ROWID;
      CREATE INDEX presentation_documents_canonical ON presentation_documents(canonical_id);

      CREATE TABLE deadlines (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        chunk_id INTEGER REFERENCES chunks(id) ON DELETE SET NULL,
        task TEXT NOT NULL,
        responsible TEXT,
        phrase TEXT NOT NULL,
        kind TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        inference TEXT,
        related_document TEXT,
        quote TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        origin TEXT NOT NULL
      );
      CREATE INDEX deadlines_end ON deadlines(end_date);
      CREATE INDEX deadlines_article ON deadlines(article_id);
    `),
  (db) =>
    db.exec(`
      -- Document frequency of every indexed term: IDF weights for picking answer sentences.
      CREATE VIRTUAL TABLE chunk_fts_vocab USING fts5vocab(chunk_fts, 'row');

      -- One row per answered question: enough to explain a wrong answer later.
      CREATE TABLE traces (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        conversation_id TEXT,
        question TEXT NOT NULL,
        rewritten TEXT NOT NULL,
        language TEXT NOT NULL,
        answerer TEXT NOT NULL,
        found INTEGER NOT NULL,
        answer TEXT NOT NULL,
        citations TEXT NOT NULL,
        retrieved TEXT NOT NULL,
        latency_ms REAL NOT NULL,
        error TEXT
      );
      CREATE INDEX traces_conversation ON traces(conversation_id, id);

      -- What each turn of a conversation was about, so "kế hoạch đó" can be resolved.
      CREATE TABLE conversation_turns (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        trace_id INTEGER REFERENCES traces(id) ON DELETE SET NULL,
        question TEXT NOT NULL,
        focus TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX conversation_turns_conversation ON conversation_turns(conversation_id, id);
    `),
  // How the answerer decided: each strategy's proposal and why it won or lost.
  (db) => db.exec(`ALTER TABLE traces ADD COLUMN decision TEXT NOT NULL DEFAULT '[]';`),
  (db) =>
    db.exec(`
      -- 👍/👎 on an answer, with the reason for a 👎.
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        trace_id INTEGER NOT NULL REFERENCES traces(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        reason TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (trace_id, user_id)
      );

      -- Chats that receive the daily digest.
      CREATE TABLE subscriptions (
        chat_id INTEGER PRIMARY KEY,
        send_time TEXT NOT NULL DEFAULT '07:00',
        time_zone TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
        language TEXT NOT NULL DEFAULT 'vi',
        send_empty INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        last_digest_at TEXT
      );
    `),
  (db) =>
    db.exec(`
      -- One row per (chat, local day) a digest was claimed for: a restart never sends it twice.
      CREATE TABLE digest_log (
        chat_id INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'empty', 'failed')),
        detail TEXT,
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, local_date)
      );
    `),
  (db) => db.exec(`CREATE INDEX deadlines_related_document ON deadlines(related_document);`),
  (db) => {
    // What each person did as one class ("chair", "sign", "present" …); rows stored before get it from their act.
    db.exec(`ALTER TABLE presentations ADD COLUMN role TEXT NOT NULL DEFAULT 'present';`);
    const update = db.prepare('UPDATE presentations SET role = ? WHERE id = ?');
    for (const row of db.prepare('SELECT id, act FROM presentations').all() as Array<{ id: number; act: string }>) update.run(roleOfAct(row.act), row.id);
    db.exec(`CREATE INDEX presentations_role ON presentations(role, article_id);`);
  },
  // Where the article names a person its act's sentence gives only by title: {quote, start, end} as JSON.
  (db) => db.exec(`ALTER TABLE presentations ADD COLUMN named_in TEXT;`),
  (db) =>
    db.exec(`
      -- Feeds and sitemaps an admin asked to watch, with what the last checks found.
      CREATE TABLE watches (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        kind TEXT,
        title TEXT,
        keywords TEXT NOT NULL DEFAULT '[]',
        interval_minutes INTEGER NOT NULL,
        etag TEXT,
        last_modified TEXT,
        -- A sitemap index: its sitemaps with their own validators, {url: {etag, lastModified}}.
        sitemaps TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        next_check_at TEXT NOT NULL,
        last_checked_at TEXT,
        last_new_at TEXT,
        last_error TEXT,
        failing_since TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        failure_reported INTEGER NOT NULL DEFAULT 0
      );

      -- Every item link a watch has seen, once: it is downloaded at most once (pending until then).
      -- Kept after its watch is removed, so a source added again does not fetch old items anew.
      CREATE TABLE watch_items (
        url TEXT PRIMARY KEY,
        watch_id INTEGER REFERENCES watches(id) ON DELETE SET NULL,
        title TEXT,
        summary TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'ingested', 'skipped', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        article_id TEXT,
        detail TEXT,
        seen_at TEXT NOT NULL,
        done_at TEXT
      );
      CREATE INDEX watch_items_pending ON watch_items(watch_id, status, seen_at);
      CREATE INDEX watch_items_article ON watch_items(article_id);
    `),
  (db) =>
    db.exec(`
      -- Every change to the stored embeddings, in commit order: a process catches its vector
      -- index up from here when another one has written (ingest, a watch run, a second bot).
      CREATE TABLE vector_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        chunk_id INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('add', 'remove'))
      );
      CREATE TRIGGER vector_log_insert AFTER INSERT ON chunk_embeddings BEGIN
        INSERT INTO vector_log (chunk_id, op) VALUES (new.chunk_id, 'add');
      END;
      CREATE TRIGGER vector_log_update AFTER UPDATE OF vector ON chunk_embeddings BEGIN
        INSERT INTO vector_log (chunk_id, op) VALUES (new.chunk_id, 'add');
      END;
      CREATE TRIGGER vector_log_delete AFTER DELETE ON chunk_embeddings BEGIN
        INSERT INTO vector_log (chunk_id, op) VALUES (old.chunk_id, 'remove');
      END;
    `),
  // Webhook updates already taken: Telegram re-sends one it thinks was not received.
  (db) => db.exec(`CREATE TABLE handled_updates (update_id INTEGER PRIMARY KEY, received_at TEXT NOT NULL);`),
  // The digest may carry the week's deadlines as a picture; off for every chat until it asks.
  (db) => db.exec(`ALTER TABLE subscriptions ADD COLUMN attach_picture INTEGER NOT NULL DEFAULT 0;`),
  // Signatures in a narrow table of their own: a reprint check reads its candidates' signatures
  // without paging through each one's text (the column sat after it in the article row).
  (db) =>
    db.exec(`
      CREATE TABLE article_signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature BLOB NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO article_signatures (article_id, signature) SELECT id, signature FROM articles;
      ALTER TABLE articles DROP COLUMN signature;
    `),
  // The full-text index without a third copy of every chunk's text: nothing reads its columns
  // back (only MATCH, bm25 and the vocabulary), and writing that copy was a share of ingest time.
  (db) => {
    db.function('fold_d_stroke', { deterministic: true }, (text) => foldDStroke(String(text)));
    db.exec(`
      DROP TABLE chunk_fts_vocab;
      DROP TRIGGER chunks_delete_fts;
      DROP TABLE chunk_fts;
      -- Text is indexed with đ→d folded; the tokenizer folds every other diacritic.
      CREATE VIRTUAL TABLE chunk_fts USING fts5(title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO chunk_fts (rowid, title, body)
        SELECT c.id, fold_d_stroke(a.title), fold_d_stroke(c.text) FROM chunks c JOIN articles a ON a.id = c.article_id ORDER BY c.id;
      CREATE VIRTUAL TABLE chunk_fts_vocab USING fts5vocab(chunk_fts, 'row');
      CREATE TRIGGER chunks_delete_fts AFTER DELETE ON chunks BEGIN
        DELETE FROM chunk_fts WHERE rowid = old.id;
      END;
    `);
  },
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      MIGRATIONS[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
