// The workspace database schema and its migrations.
#include "pipeline/store/store.h"

namespace scanstraat {
namespace {

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',  -- running | done | interrupted | failed
  wall_seconds REAL,
  options TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY,                 -- SHA-256 of the bytes, hex
  source TEXT NOT NULL,                -- path as given to the run that first saw it
  path TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'pending',  -- pending | in_progress | done
  first_run INTEGER NOT NULL REFERENCES runs(id),
  run_id INTEGER REFERENCES runs(id),     -- the run that last worked on it / finished it
  attempts INTEGER NOT NULL DEFAULT 0,
  crashes INTEGER NOT NULL DEFAULT 0,
  isolated INTEGER NOT NULL DEFAULT 0,    -- current attempt runs alone (crash isolation)
  pages INTEGER,
  text_source TEXT,
  decision TEXT,                          -- archive | review | failed
  reasons TEXT,
  error_code TEXT,
  error_message TEXT,
  result TEXT,                            -- result record (JSON) without "review"
  created_at TEXT NOT NULL,
  done_at TEXT,
  done_seq INTEGER
);
CREATE INDEX IF NOT EXISTS documents_state ON documents(state);
CREATE INDEX IF NOT EXISTS documents_done ON documents(done_seq);
CREATE TABLE IF NOT EXISTS run_documents(
  run_id INTEGER NOT NULL REFERENCES runs(id),
  doc_id TEXT NOT NULL REFERENCES documents(id),
  source TEXT NOT NULL,
  was_done INTEGER NOT NULL,              -- already done when this run saw it
  PRIMARY KEY(run_id, doc_id, source)
);
CREATE TABLE IF NOT EXISTS pages(
  doc_id TEXT NOT NULL REFERENCES documents(id),
  page_no INTEGER NOT NULL,
  source TEXT NOT NULL,                   -- ocr | pdf_text | none
  width INTEGER, height INTEGER, dpi INTEGER, rotation INTEGER,
  skew REAL, confidence REAL, words INTEGER, millis INTEGER,
  error_code TEXT, error_message TEXT,
  text TEXT, hocr TEXT, page_json TEXT,
  PRIMARY KEY(doc_id, page_no)
);
CREATE TABLE IF NOT EXISTS review_cases(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE REFERENCES documents(id),
  state TEXT NOT NULL DEFAULT 'open',     -- open | approved | rejected
  reasons TEXT NOT NULL,
  created_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT
);
CREATE INDEX IF NOT EXISTS review_cases_state ON review_cases(state, id);
)sql";

// v2 (issue 4, the archive): the cleaned page images (what the OCR boxes refer
// to; for the PDF/A and the review screen), the archived files with their
// checksums, and the archive facts of each archived document (for retention).
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE IF NOT EXISTS page_images(
  doc_id TEXT NOT NULL REFERENCES documents(id),
  page_no INTEGER NOT NULL,
  filter TEXT NOT NULL,                   -- CCITTFaxDecode | DCTDecode | FlateDecode
  width INTEGER NOT NULL, height INTEGER NOT NULL,
  bpc INTEGER NOT NULL, components INTEGER NOT NULL, dpi INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY(doc_id, page_no)
);
CREATE TABLE IF NOT EXISTS archive_files(
  doc_id TEXT NOT NULL REFERENCES documents(id),
  role TEXT NOT NULL,                     -- pdf | original | mdto_object | mdto_pdf | mdto_original | result
  path TEXT NOT NULL UNIQUE,              -- relative to <workspace>/archive
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  written_at TEXT NOT NULL,
  PRIMARY KEY(doc_id, role)
);
CREATE TABLE IF NOT EXISTS archive_documents(
  doc_id TEXT PRIMARY KEY REFERENCES documents(id),
  doctype TEXT NOT NULL,
  doctype_name TEXT NOT NULL,
  categorie TEXT NOT NULL,
  waardering TEXT NOT NULL,               -- V | B | O
  bewaartermijn TEXT NOT NULL,            -- ISO 8601 duration; '' for B
  term_start TEXT NOT NULL,               -- YYYY-MM-DD the bewaartermijn counts from
  archived_at TEXT NOT NULL
);
)sql";

// v3 (issue 5, the review screen): accounts, sessions, the hash-chained audit
// log (append-only: triggers refuse UPDATE and DELETE), and what reviewers
// do to a case: claims, corrections, a changed type, the second approval.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE IF NOT EXISTS users(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,                     -- reviewer | senior | archivist | auditor | admin
  password_hash TEXT NOT NULL,            -- Argon2id, PHC string
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions(
  token_hash TEXT PRIMARY KEY,            -- SHA-256 of the cookie value
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf TEXT NOT NULL,
  origin TEXT NOT NULL,
  created_at INTEGER NOT NULL,            -- unix seconds
  last_seen INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_log(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,                       -- UTC ISO time
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  result TEXT NOT NULL,                   -- ok | denied | failed | …
  origin TEXT NOT NULL,                   -- client address, or cli:<os user>
  detail TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
ALTER TABLE review_cases ADD COLUMN claimed_by TEXT;
ALTER TABLE review_cases ADD COLUMN claim_expires INTEGER;     -- unix seconds
ALTER TABLE review_cases ADD COLUMN corrections TEXT NOT NULL DEFAULT '{}';
  -- {"field": {"value": …, "by": "name", "at": "…", "second_by": "name"|null}}
ALTER TABLE review_cases ADD COLUMN doctype TEXT;              -- type set by a reviewer
ALTER TABLE review_cases ADD COLUMN result TEXT;               -- record re-read for that type
ALTER TABLE review_cases ADD COLUMN awaiting_second INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_cases ADD COLUMN first_approval_by TEXT;
ALTER TABLE review_cases ADD COLUMN reject_reason TEXT;
)sql";

Result<int64_t> UserVersion(Db& db) {
  SS_ASSIGN_OR_RETURN(Stmt q, db.Prepare("PRAGMA user_version"));
  SS_ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

constexpr const char* kSteps[] = {kSchemaV1, kSchemaV2, kSchemaV3};
constexpr int64_t kLatest = 3;

}  // namespace

// Each step runs in its own BEGIN IMMEDIATE transaction and looks at the
// version again inside it, so a run and the review server opening the same
// workspace at once migrate it once.
Status MigrateSchema(Db& db) {
  SS_ASSIGN_OR_RETURN(int64_t version, UserVersion(db));
  if (version > kLatest)
    return Status::InvalidArgument("the workspace was made by a newer Scanstraat (schema " +
                                   std::to_string(version) + "); upgrade Scanstraat");
  for (int64_t target = version + 1; target <= kLatest; ++target) {
    SS_RETURN_IF_ERROR(db.Transaction([&]() -> Status {
      SS_ASSIGN_OR_RETURN(int64_t now, UserVersion(db));
      if (now >= target) return Status::Ok();  // another process was first
      SS_RETURN_IF_ERROR(db.Exec(kSteps[target - 1]));
      return db.Exec("PRAGMA user_version=" + std::to_string(target));
    }));
  }
  return Status::Ok();
}

}  // namespace scanstraat
