#include "pipeline/review/cases.h"

#include <chrono>

#include "pipeline/core/log.h"

namespace scanstraat {
namespace {

std::vector<std::string> ParseReasons(const std::string& text) {
  std::vector<std::string> out;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& r : j)
      if (r.is_string()) out.push_back(r.get<std::string>());
  return out;
}

// Columns shared by the list and the full row.
constexpr const char* kSelect =
    "SELECT c.id, c.doc_id, c.state, c.created_at, c.reasons, "
    "COALESCE(c.doctype, json_extract(d.result, '$.doctype.id'), 'unknown'), "
    "COALESCE(c.claimed_by, ''), COALESCE(c.claim_expires, 0), c.awaiting_second, "
    "COALESCE(c.first_approval_by, ''), COALESCE(c.decided_by, ''), COALESCE(c.decided_at, ''), "
    "COALESCE(c.reject_reason, ''), COALESCE(c.result, d.result, '{}'), c.corrections, d.path, "
    "COALESCE(d.error_code, '') "
    "FROM review_cases c JOIN documents d ON d.id = c.doc_id ";

CaseRow RowFrom(const Stmt& q, int64_t now, bool full) {
  CaseRow r;
  r.id = q.Int(0);
  r.doc_id = q.Text(1);
  r.state = q.Text(2);
  r.created_at = q.Text(3);
  r.reasons = ParseReasons(q.Text(4));
  r.doctype = q.Text(5);
  r.claim_expires = q.Int(7);
  if (r.claim_expires > now) r.claimed_by = q.Text(6);
  else r.claim_expires = 0;
  r.awaiting_second = q.Int(8) != 0;
  r.first_approval_by = q.Text(9);
  r.decided_by = q.Text(10);
  r.decided_at = q.Text(11);
  r.reject_reason = q.Text(12);
  if (full) {
    r.result_json = q.Text(13);
    r.corrections = nlohmann::json::parse(q.Text(14), nullptr, false);
    if (!r.corrections.is_object()) r.corrections = nlohmann::json::object();
    r.doc_path = q.Text(15);
    r.error_code = q.Text(16);
  }
  return r;
}

}  // namespace

bool ReasonMatches(const std::string& reason, const std::string& filter) {
  if (filter.empty() || reason == filter) return true;
  return reason.size() > filter.size() && reason.compare(0, filter.size(), filter) == 0 &&
         reason[filter.size()] == ':';
}

int64_t Cases::Now() const {
  if (clock_) return clock_();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<std::vector<CaseRow>> Cases::ListOpen(const CaseFilter& filter) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(std::string(kSelect) + "WHERE c.state='open' ORDER BY c.id"));
  const int64_t now = Now();
  std::vector<CaseRow> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    CaseRow r = RowFrom(q, now, false);
    if (!filter.type.empty() && r.doctype != filter.type) continue;
    if (!filter.reason.empty()) {
      bool any = false;
      for (const std::string& reason : r.reasons) any |= ReasonMatches(reason, filter.reason);
      if (!any) continue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<CaseRow> Cases::Get(int64_t id) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(std::string(kSelect) + "WHERE c.id=?"));
  q.Bind(1, id);
  SS_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return Status::NotFound("no case " + std::to_string(id));
  return RowFrom(q, Now(), true);
}

Status Cases::Claim(int64_t id, const std::string& user, const AuditEvent& audit) {
  return db_.Transaction([&]() -> Status {
    SS_ASSIGN_OR_RETURN(CaseRow c, Get(id));
    if (c.state != "open") return Status::InvalidArgument("case " + std::to_string(id) + " is " + c.state);
    if (!c.claimed_by.empty() && c.claimed_by != user)
      return Status::Conflict("case " + std::to_string(id) + " is claimed by " + c.claimed_by);
    SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
        "UPDATE review_cases SET claimed_by=?, claim_expires=? WHERE id=?"));
    st.Bind(1, user).Bind(2, Now() + kClaimSeconds).Bind(3, id);
    SS_RETURN_IF_ERROR(st.Run());
    if (c.claimed_by == user) return Status::Ok();  // a renewal is not news
    return AuditLog(db_).AppendInTransaction(audit);
  });
}

Status Cases::Release(int64_t id, const std::string& user) {
  SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
      "UPDATE review_cases SET claimed_by=NULL, claim_expires=NULL WHERE id=? AND claimed_by=?"));
  st.Bind(1, id).Bind(2, user);
  return st.Run();
}

Status Cases::RequireClaim(int64_t id, const std::string& user) {
  SS_ASSIGN_OR_RETURN(CaseRow c, Get(id));
  if (c.state != "open") return Status::InvalidArgument("case " + std::to_string(id) + " is " + c.state);
  if (c.claimed_by != user)
    return Status::Conflict(c.claimed_by.empty()
                                ? "claim case " + std::to_string(id) + " first"
                                : "case " + std::to_string(id) + " is claimed by " + c.claimed_by);
  SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare("UPDATE review_cases SET claim_expires=? WHERE id=?"));
  st.Bind(1, Now() + kClaimSeconds).Bind(2, id);
  return st.Run();
}

Status Cases::SaveCorrection(int64_t id, const std::string& user, const std::string& field,
                             const nlohmann::json& value, const AuditEvent& audit) {
  return db_.Transaction([&]() -> Status {
    SS_RETURN_IF_ERROR(RequireClaim(id, user));
    SS_ASSIGN_OR_RETURN(CaseRow c, Get(id));
    if (value.is_null()) c.corrections.erase(field);
    else c.corrections[field] = {{"value", value}, {"by", user}, {"at", UtcNowIso()}, {"second_by", nullptr}};
    SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
        "UPDATE review_cases SET corrections=?, awaiting_second=0, first_approval_by=NULL WHERE id=?"));
    st.Bind(1, c.corrections.dump()).Bind(2, id);
    SS_RETURN_IF_ERROR(st.Run());
    return AuditLog(db_).AppendInTransaction(audit);
  });
}

Status Cases::SetDoctype(int64_t id, const std::string& user, const std::string& doctype,
                         const std::string& result_json, const AuditEvent& audit) {
  return db_.Transaction([&]() -> Status {
    SS_RETURN_IF_ERROR(RequireClaim(id, user));
    SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
        "UPDATE review_cases SET doctype=?, result=?, corrections='{}', awaiting_second=0, "
        "first_approval_by=NULL WHERE id=?"));
    st.Bind(1, doctype).Bind(2, result_json).Bind(3, id);
    SS_RETURN_IF_ERROR(st.Run());
    return AuditLog(db_).AppendInTransaction(audit);
  });
}

Status Cases::AwaitSecond(int64_t id, const std::string& user, const nlohmann::json& corrections,
                          const AuditEvent& audit) {
  return db_.Transaction([&]() -> Status {
    SS_RETURN_IF_ERROR(RequireClaim(id, user));
    SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
        "UPDATE review_cases SET awaiting_second=1, first_approval_by=?, corrections=?, "
        "claimed_by=NULL, claim_expires=NULL WHERE id=?"));
    st.Bind(1, user).Bind(2, corrections.dump()).Bind(3, id);
    SS_RETURN_IF_ERROR(st.Run());
    return AuditLog(db_).AppendInTransaction(audit);
  });
}

Status Cases::Reject(int64_t id, const std::string& user, const std::string& reason,
                     const AuditEvent& audit) {
  if (reason.empty()) return Status::InvalidArgument("a rejection needs a reason");
  return db_.Transaction([&]() -> Status {
    SS_RETURN_IF_ERROR(RequireClaim(id, user));
    SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
        "UPDATE review_cases SET state='rejected', decided_by=?, decided_at=?, reject_reason=?, "
        "claimed_by=NULL, claim_expires=NULL WHERE id=? AND state='open'"));
    st.Bind(1, user).Bind(2, UtcNowIso()).Bind(3, reason).Bind(4, id);
    SS_RETURN_IF_ERROR(st.Run());
    return AuditLog(db_).AppendInTransaction(audit);
  });
}

}  // namespace scanstraat
