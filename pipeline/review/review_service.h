// What reviewers can do, for the review server and `scanstraat review`
// alike: one place that checks the role and the claim, does the work and
// writes the audit entry (also for refusals). Approval runs the same archive
// writer as a run (run/archive_step.h).
//
// Errors map onto HTTP in pipeline/serve/: kPermissionDenied → 403,
// kConflict → 409, kNotFound → 404, kInvalidArgument → 422.
//
// Thread-safety: one ReviewService per thread (it owns a store connection);
// the RuleSet is shared read-only.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/archive/image_encode.h"
#include "pipeline/extract/rule_set.h"
#include "pipeline/review/audit_log.h"
#include "pipeline/review/case_view.h"
#include "pipeline/review/cases.h"
#include "pipeline/review/sessions.h"
#include "pipeline/review/users.h"
#include "pipeline/store/store.h"

namespace scanstraat {

struct Actor {
  User user;
  std::string origin;  // client address, or cli:<os user>
};

struct CheckResult {
  bool valid = false;
  std::vector<std::string> errors;
  nlohmann::json value;  // normalised (not returned to clients for masked fields)
};

struct ApproveResult {
  std::string state;  // approved | awaiting_second
  nlohmann::json archive;  // the record's archive part when approved
};

class ReviewService {
 public:
  static Result<std::unique_ptr<ReviewService>> Open(const std::filesystem::path& workspace,
                                                     std::shared_ptr<const RuleSet> rules,
                                                     SessionPolicy sessions = {});

  Result<nlohmann::json> Queue(const Actor& a, const CaseFilter& filter);
  Result<int64_t> Claim(const Actor& a, int64_t id);  // the claim's expiry, unix seconds
  Status Release(const Actor& a, int64_t id);
  Result<nlohmann::json> Show(const Actor& a, int64_t id);
  // The preview PNG of page `page` (from 1). The boxes of masked fields are
  // painted black, except fields named in `reveal` for a role that may see
  // clear values (audited like a reveal).
  Result<std::string> PagePng(const Actor& a, int64_t id, int page, const std::vector<std::string>& reveal = {});
  // {"field","value","raw"} in clear.
  Result<nlohmann::json> Reveal(const Actor& a, int64_t id, const std::string& field);
  Result<CheckResult> Check(const Actor& a, int64_t id, const std::string& field, const nlohmann::json& value);
  // Saves a valid value; kInvalidArgument "invalid: e1, e2" otherwise.
  Result<nlohmann::json> Correct(const Actor& a, int64_t id, const std::string& field,
                                 const nlohmann::json& value);
  Result<nlohmann::json> ChangeType(const Actor& a, int64_t id, const std::string& doctype);
  Result<ApproveResult> Approve(const Actor& a, int64_t id);
  Status Reject(const Actor& a, int64_t id, const std::string& reason);
  Result<std::vector<AuditEntry>> AuditEntries(const Actor& a, const AuditLog::Query& q);

  // Records an event that is not a case action (login, logout, export…).
  void Audit(const AuditEvent& e);

  Store& store() { return *store_; }
  Users& users() { return users_; }
  Sessions& sessions() { return sessions_; }
  AuditLog& audit() { return audit_; }
  Cases& cases() { return cases_; }
  const RuleSet& rules() const { return *rules_; }

 private:
  ReviewService(std::filesystem::path workspace, std::unique_ptr<Store> store,
                std::shared_ptr<const RuleSet> rules, SessionPolicy sessions);
  // Runs `body` after the role check, and audits the outcome as `action`.
  template <typename T, typename F>
  Result<T> Audited(const Actor& a, const std::string& action, int64_t id, const std::string& detail,
                    bool allowed, F&& body);
  Result<std::vector<PageView>> Pages(const CaseRow& c);
  std::vector<PixelBox> MaskedBoxes(const CaseRow& c, int page, const std::vector<std::string>& reveal);
  Result<ApproveResult> ArchiveApproved(const Actor& a, CaseRow c);

  std::filesystem::path workspace_;
  std::unique_ptr<Store> store_;
  std::shared_ptr<const RuleSet> rules_;
  Users users_;
  Sessions sessions_;
  AuditLog audit_;
  Cases cases_;
};

// The word the audit log uses for an outcome: ok | denied | conflict | invalid
// | not_found | failed.
[[nodiscard]] std::string AuditResult(const Status& s);

}  // namespace scanstraat
