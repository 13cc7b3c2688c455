// Review cases as reviewers work them: the queue, claims, corrections, a
// changed type, the first of two approvals, the decision. Every change
// commits together with its audit entry (audit_log.h).
//
// A claim is held by one user until it expires (15 min, renewed by every
// action on the case); only the holder may change the case.
//
// Thread-safety: a Cases is used by one thread at a time (like its Db).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/review/audit_log.h"
#include "pipeline/store/sqlite_db.h"

namespace scanstraat {

inline constexpr int64_t kClaimSeconds = 15 * 60;

struct CaseRow {
  int64_t id = 0;
  std::string doc_id, state, created_at;   // state: open | approved | rejected
  std::vector<std::string> reasons;
  std::string doctype;                     // the type now (a reviewer's, else the run's)
  std::string claimed_by;                  // "" when free or expired
  int64_t claim_expires = 0;
  bool awaiting_second = false;
  std::string first_approval_by, decided_by, decided_at, reject_reason;
  // Full rows only (Get):
  std::string result_json;                 // the record (re-read for a reviewer's type)
  nlohmann::json corrections = nlohmann::json::object();  // field → {value, by, at, second_by}
  std::string doc_path;                    // where the run last read the input
  std::string error_code;                  // of a failed document
};

struct CaseFilter {
  std::string type;    // doctype id
  std::string reason;  // a whole reason ("invalid:bsn") or its kind ("invalid")
};

class Cases {
 public:
  explicit Cases(Db& db, std::function<int64_t()> clock = {}) : db_(db), clock_(std::move(clock)) {}

  // Open cases, oldest first.
  Result<std::vector<CaseRow>> ListOpen(const CaseFilter& filter);
  Result<CaseRow> Get(int64_t id);

  // kConflict when another user holds an unexpired claim; kInvalidArgument
  // when the case is decided.
  Status Claim(int64_t id, const std::string& user, const AuditEvent& audit);
  Status Release(int64_t id, const std::string& user);
  // OK when `user` holds the claim on an open case (renewing it).
  Status RequireClaim(int64_t id, const std::string& user);

  // A corrected value (already validated); null clears the correction.
  Status SaveCorrection(int64_t id, const std::string& user, const std::string& field,
                        const nlohmann::json& value, const AuditEvent& audit);
  // A reviewer's type and the record re-read for it; drops the corrections.
  Status SetDoctype(int64_t id, const std::string& user, const std::string& doctype,
                    const std::string& result_json, const AuditEvent& audit);
  // First approval given; the case waits for a senior (claim released).
  Status AwaitSecond(int64_t id, const std::string& user, const nlohmann::json& corrections,
                     const AuditEvent& audit);
  Status Reject(int64_t id, const std::string& user, const std::string& reason, const AuditEvent& audit);

  int64_t Now() const;

 private:
  Db& db_;
  std::function<int64_t()> clock_;
};

// True when `reason` is `filter` or has it as its kind ("invalid" ~ "invalid:bsn").
[[nodiscard]] bool ReasonMatches(const std::string& reason, const std::string& filter);

}  // namespace scanstraat
