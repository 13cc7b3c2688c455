// The store's part of a review decision that archives a document.
#include "pipeline/core/log.h"
#include "pipeline/store/store.h"

namespace scanstraat {

Status Store::RecordApproval(const std::string& doc_id, int64_t case_id, const std::string& by,
                             const std::string& corrections_json, const DocumentOutcome& outcome,
                             const std::function<Status()>& in_transaction) {
  return db_->Transaction([&]() -> Status {
    SS_ASSIGN_OR_RETURN(Stmt c, db_->Prepare(
        "UPDATE review_cases SET state='approved', decided_by=?, decided_at=?, corrections=?, "
        "awaiting_second=0, claimed_by=NULL, claim_expires=NULL "
        "WHERE id=? AND doc_id=? AND state='open'"));
    c.Bind(1, by).Bind(2, UtcNowIso()).Bind(3, corrections_json).Bind(4, case_id).Bind(5, doc_id);
    SS_RETURN_IF_ERROR(c.Run());
    if (db_->Changes() == 0)
      return Status::Conflict("case " + std::to_string(case_id) + " was decided meanwhile");
    SS_ASSIGN_OR_RETURN(Stmt d, db_->Prepare("UPDATE documents SET result=? WHERE id=?"));
    d.Bind(1, outcome.result_json).Bind(2, doc_id);
    SS_RETURN_IF_ERROR(d.Run());
    SS_RETURN_IF_ERROR(RecordArchive(doc_id, outcome));
    return in_transaction ? in_transaction() : Status::Ok();
  });
}

}  // namespace scanstraat
