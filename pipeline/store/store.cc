#include "pipeline/store/store.h"

#include <nlohmann/json.hpp>

#include "pipeline/core/log.h"

namespace scanstraat {
namespace fs = std::filesystem;

namespace {
constexpr const char* kDbName = "scanstraat.db";

std::string JoinJson(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }
}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const fs::path& workspace) {
  std::error_code ec;
  fs::create_directories(workspace, ec);
  if (ec) return Status::IOError("cannot create workspace folder " + workspace.string() + ": " + ec.message());
  SS_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, Db::Open(workspace / kDbName, true));
  SS_RETURN_IF_ERROR(MigrateSchema(*db));
  return std::unique_ptr<Store>(new Store(std::move(db)));
}

Result<std::unique_ptr<Store>> Store::OpenExisting(const fs::path& workspace) {
  if (!fs::exists(workspace / kDbName))
    return Status::NotFound("no Scanstraat workspace at " + workspace.string() +
                            " (run `scanstraat run --workspace DIR ...` first)");
  SS_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, Db::Open(workspace / kDbName, false));
  SS_RETURN_IF_ERROR(MigrateSchema(*db));
  return std::unique_ptr<Store>(new Store(std::move(db)));
}

Result<int64_t> Store::CreateRun(const std::string& options_json) {
  SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare("INSERT INTO runs(started_at, options) VALUES(?, ?)"));
  st.Bind(1, UtcNowIso()).Bind(2, options_json);
  SS_RETURN_IF_ERROR(st.Run());
  return db_->LastInsertId();
}

Status Store::FinishRun(int64_t run_id, const std::string& status, double wall_seconds) {
  SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
      "UPDATE runs SET finished_at=?, status=?, wall_seconds=? WHERE id=?"));
  st.Bind(1, UtcNowIso()).Bind(2, status).Bind(3, wall_seconds).Bind(4, run_id);
  return st.Run();
}

Result<DocState> Store::NoteSeen(const std::string& id, const std::string& source,
                                 const std::string& path, int64_t size, int64_t run_id) {
  DocState state = DocState::kNew;
  Status s = db_->Transaction([&]() -> Status {
    SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare("SELECT state FROM documents WHERE id=?"));
    q.Bind(1, id);
    SS_ASSIGN_OR_RETURN(bool found, q.Step());
    if (found) {
      std::string st = q.Text(0);
      state = st == "done" ? DocState::kDone : st == "in_progress" ? DocState::kInProgress : DocState::kPending;
      if (state != DocState::kDone) {  // read it from where it is now
        SS_ASSIGN_OR_RETURN(Stmt up, db_->Prepare("UPDATE documents SET path=? WHERE id=?"));
        up.Bind(1, path).Bind(2, id);
        SS_RETURN_IF_ERROR(up.Run());
      }
    } else {
      SS_ASSIGN_OR_RETURN(Stmt ins, db_->Prepare(
          "INSERT INTO documents(id, source, path, size, first_run, run_id, created_at) "
          "VALUES(?, ?, ?, ?, ?, ?, ?)"));
      ins.Bind(1, id).Bind(2, source).Bind(3, path).Bind(4, size).Bind(5, run_id).Bind(6, run_id)
          .Bind(7, UtcNowIso());
      SS_RETURN_IF_ERROR(ins.Run());
    }
    SS_ASSIGN_OR_RETURN(Stmt rd, db_->Prepare(
        "INSERT OR IGNORE INTO run_documents(run_id, doc_id, source, was_done) VALUES(?, ?, ?, ?)"));
    rd.Bind(1, run_id).Bind(2, id).Bind(3, source).Bind(4, state == DocState::kDone ? 1 : 0);
    return rd.Run();
  });
  if (!s.ok()) return s;
  return state;
}

Result<std::vector<PendingDocument>> Store::PendingForRun(int64_t run_id) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(
      "SELECT DISTINCT d.id, d.source, d.path, d.attempts, d.crashes, d.state "
      "FROM documents d JOIN run_documents r ON r.doc_id = d.id "
      "WHERE r.run_id = ? AND d.state != 'done' "
      "ORDER BY (d.state = 'in_progress') DESC, d.rowid"));
  q.Bind(1, run_id);
  std::vector<PendingDocument> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    PendingDocument d;
    d.id = q.Text(0);
    d.source = q.Text(1);
    d.path = q.Text(2);
    d.attempts = static_cast<int>(q.Int(3));
    d.crashes = static_cast<int>(q.Int(4));
    d.suspect = q.Text(5) == "in_progress";
    out.push_back(std::move(d));
  }
  return out;
}

Status Store::BeginDocument(const std::string& id, int64_t run_id, bool isolated) {
  SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
      "UPDATE documents SET state='in_progress', attempts=attempts+1, run_id=?, isolated=? "
      "WHERE id=? AND state != 'done'"));
  st.Bind(1, run_id).Bind(2, isolated ? 1 : 0).Bind(3, id);
  return st.Run();
}

Result<std::set<int>> Store::DonePages(const std::string& id) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare("SELECT page_no FROM pages WHERE doc_id=?"));
  q.Bind(1, id);
  std::set<int> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.insert(static_cast<int>(q.Int(0)));
  }
  return out;
}

Status Store::SavePage(const std::string& id, const PageRecord& p, const PageImage* image) {
  if (image != nullptr) {
    return db_->Transaction([&]() -> Status {
      SS_RETURN_IF_ERROR(SavePage(id, p, nullptr));
      SS_ASSIGN_OR_RETURN(Stmt im, db_->Prepare(
          "INSERT OR REPLACE INTO page_images(doc_id, page_no, filter, width, height, bpc, "
          "components, dpi, data) VALUES(?,?,?,?,?,?,?,?,?)"));
      im.Bind(1, id).Bind(2, p.page_no).Bind(3, image->filter).Bind(4, image->width)
          .Bind(5, image->height).Bind(6, image->bits_per_component).Bind(7, image->components)
          .Bind(8, image->dpi).BindBlob(9, image->data);
      return im.Run();
    });
  }
  SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
      "INSERT OR REPLACE INTO pages(doc_id, page_no, source, width, height, dpi, rotation, skew, "
      "confidence, words, millis, error_code, error_message, text, hocr, page_json) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  st.Bind(1, id).Bind(2, p.page_no).Bind(3, p.source).Bind(4, p.width).Bind(5, p.height)
      .Bind(6, p.dpi).Bind(7, p.rotation).Bind(8, p.skew).Bind(9, p.confidence).Bind(10, p.words)
      .Bind(11, p.millis);
  if (p.error_code.empty()) st.BindNull(12).BindNull(13);
  else st.Bind(12, p.error_code).Bind(13, p.error_message);
  st.Bind(14, p.text).Bind(15, p.hocr).Bind(16, p.page_json);
  return st.Run();
}

Result<std::vector<PageRecord>> Store::LoadPages(const std::string& id) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(
      "SELECT page_no, source, width, height, dpi, rotation, skew, confidence, words, millis, "
      "error_code, error_message, text, hocr, page_json FROM pages WHERE doc_id=? ORDER BY page_no"));
  q.Bind(1, id);
  std::vector<PageRecord> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    PageRecord p;
    p.page_no = static_cast<int>(q.Int(0));
    p.source = q.Text(1);
    p.width = static_cast<int>(q.Int(2));
    p.height = static_cast<int>(q.Int(3));
    p.dpi = static_cast<int>(q.Int(4));
    p.rotation = static_cast<int>(q.Int(5));
    p.skew = q.Double(6);
    p.confidence = q.Double(7);
    p.words = static_cast<int>(q.Int(8));
    p.millis = q.Int(9);
    p.error_code = q.Text(10);
    p.error_message = q.Text(11);
    p.text = q.Text(12);
    p.hocr = q.Text(13);
    p.page_json = q.Text(14);
    out.push_back(std::move(p));
  }
  return out;
}

Status Store::FinishDocument(const std::string& id, int64_t run_id, const DocumentOutcome& o) {
  return db_->Transaction([&]() -> Status {
    SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
        "UPDATE documents SET state='done', run_id=?, pages=?, text_source=?, decision=?, reasons=?, "
        "error_code=?, error_message=?, result=?, done_at=?, "
        "done_seq=(SELECT COALESCE(MAX(done_seq), 0) + 1 FROM documents) "
        "WHERE id=? AND state != 'done'"));
    st.Bind(1, run_id).Bind(2, o.pages).Bind(3, o.text_source).Bind(4, o.decision)
        .Bind(5, JoinJson(o.reasons));
    if (o.error_code.empty()) st.BindNull(6).BindNull(7);
    else st.Bind(6, o.error_code).Bind(7, o.error_message);
    st.Bind(8, o.result_json).Bind(9, UtcNowIso()).Bind(10, id);
    SS_RETURN_IF_ERROR(st.Run());
    if (db_->Changes() == 0) return Status::Ok();  // already done: nothing to do twice
    if (o.decision != "archive") {
      SS_ASSIGN_OR_RETURN(Stmt rc, db_->Prepare(
          "INSERT OR IGNORE INTO review_cases(doc_id, reasons, created_at) VALUES(?, ?, ?)"));
      rc.Bind(1, id).Bind(2, JoinJson(o.reasons)).Bind(3, UtcNowIso());
      SS_RETURN_IF_ERROR(rc.Run());
    }
    return RecordArchive(id, o);
  });
}

Result<int> Store::MarkCrashed(int64_t run_id) {
  SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
      "UPDATE documents SET crashes=crashes+1 WHERE state='in_progress' AND run_id=?"));
  st.Bind(1, run_id);
  SS_RETURN_IF_ERROR(st.Run());
  return db_->Changes();
}

Status Store::ResetInProgress(int64_t run_id) {
  SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
      "UPDATE documents SET state='pending', isolated=0 WHERE state='in_progress' AND run_id=?"));
  st.Bind(1, run_id);
  return st.Run();
}

Result<std::vector<std::string>> Store::IsolatedCrashes(int64_t run_id) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(
      "SELECT id FROM documents WHERE state='in_progress' AND run_id=? AND isolated=1 AND crashes>0"));
  q.Bind(1, run_id);
  std::vector<std::string> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(q.Text(0));
  }
  return out;
}

Result<RunSummary> Store::Summarise(int64_t run_id) {
  RunSummary s;
  s.run_id = run_id;
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(
      "SELECT COUNT(DISTINCT r.doc_id), "
      "COUNT(DISTINCT CASE WHEN r.was_done=1 THEN r.doc_id END) "
      "FROM run_documents r WHERE r.run_id=?"));
  q.Bind(1, run_id);
  SS_RETURN_IF_ERROR(q.Step().status());
  s.documents_seen = static_cast<int>(q.Int(0));
  s.documents_skipped = static_cast<int>(q.Int(1));
  SS_ASSIGN_OR_RETURN(Stmt d, db_->Prepare(
      "SELECT COUNT(*), COALESCE(SUM(pages),0), "
      "SUM(decision='archive'), SUM(decision='review'), SUM(decision='failed') "
      "FROM documents WHERE run_id=? AND state='done' AND id IN "
      "(SELECT doc_id FROM run_documents WHERE run_id=? AND was_done=0)"));
  d.Bind(1, run_id).Bind(2, run_id);
  SS_RETURN_IF_ERROR(d.Step().status());
  s.documents_processed = static_cast<int>(d.Int(0));
  s.pages = static_cast<int>(d.Int(1));
  s.archived = static_cast<int>(d.Int(2));
  s.to_review = static_cast<int>(d.Int(3));
  s.failed = static_cast<int>(d.Int(4));
  SS_ASSIGN_OR_RETURN(Stmt p, db_->Prepare(
      "SELECT SUM(p.source='ocr'), SUM(p.source='pdf_text') FROM pages p JOIN documents d "
      "ON d.id=p.doc_id WHERE d.run_id=? AND d.state='done' AND d.id IN "
      "(SELECT doc_id FROM run_documents WHERE run_id=? AND was_done=0)"));
  p.Bind(1, run_id).Bind(2, run_id);
  SS_RETURN_IF_ERROR(p.Step().status());
  s.pages_ocr = static_cast<int>(p.Int(0));
  s.pages_text = static_cast<int>(p.Int(1));
  return s;
}

Result<int64_t> Store::LatestRunId() {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare("SELECT COALESCE(MAX(id), 0) FROM runs"));
  SS_RETURN_IF_ERROR(q.Step().status());
  return q.Int(0);
}

Status Store::ForEachResult(int64_t run_id, const std::string& since,
                            const std::function<void(const ResultRow&)>& fn) {
  std::string sql =
      "SELECT d.id, d.result, COALESCE(c.id, 0), COALESCE(c.state, ''), COALESCE(c.decided_by, ''), "
      "COALESCE(c.corrections, '{}') FROM documents d "
      "LEFT JOIN review_cases c ON c.doc_id = d.id WHERE d.state='done'";
  if (run_id > 0) sql += " AND d.run_id = ?1";
  if (!since.empty()) sql += " AND d.done_at >= ?2";
  sql += " ORDER BY d.done_seq";
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(sql));
  if (run_id > 0) q.Bind(1, run_id);
  if (!since.empty()) q.Bind(2, since);
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    ResultRow r;
    r.id = q.Text(0);
    r.result_json = q.Text(1);
    r.case_id = q.Int(2);
    r.state_of_case = q.Text(3);
    r.decided_by = q.Text(4);
    r.corrections_json = q.Text(5);
    fn(r);
  }
  return Status::Ok();
}

}  // namespace scanstraat
