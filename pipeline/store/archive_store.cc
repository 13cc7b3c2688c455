// The store's archive part (schema v2): page images, archived files and the
// archive facts of archived documents.
#include "pipeline/core/log.h"
#include "pipeline/store/store.h"

namespace scanstraat {

Result<std::map<int, PageImage>> Store::LoadPageImages(const std::string& id) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(
      "SELECT page_no, filter, width, height, bpc, components, dpi, data FROM page_images "
      "WHERE doc_id=? ORDER BY page_no"));
  q.Bind(1, id);
  std::map<int, PageImage> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    PageImage im;
    im.filter = q.Text(1);
    im.width = static_cast<int>(q.Int(2));
    im.height = static_cast<int>(q.Int(3));
    im.bits_per_component = static_cast<int>(q.Int(4));
    im.components = static_cast<int>(q.Int(5));
    im.dpi = static_cast<int>(q.Int(6));
    im.data = q.Blob(7);
    out.emplace(static_cast<int>(q.Int(0)), std::move(im));
  }
  return out;
}

// Called inside FinishDocument's transaction, after the document row became
// done. The files are already durable under their final names (the archive
// step wrote them first), so every row recorded here names a file that exists.
// The page images of an archived document are dropped: the PDF/A holds them.
Status Store::RecordArchive(const std::string& id, const DocumentOutcome& o) {
  if (o.archive_files.empty()) return Status::Ok();
  const std::string now = UtcNowIso();
  for (const ArchiveFileRecord& f : o.archive_files) {
    SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
        "INSERT OR REPLACE INTO archive_files(doc_id, role, path, sha256, size, written_at) "
        "VALUES(?,?,?,?,?,?)"));
    st.Bind(1, id).Bind(2, f.role).Bind(3, f.path).Bind(4, f.sha256).Bind(5, f.size).Bind(6, now);
    SS_RETURN_IF_ERROR(st.Run());
  }
  if (o.archived) {
    const ArchivedDocument& a = *o.archived;
    SS_ASSIGN_OR_RETURN(Stmt st, db_->Prepare(
        "INSERT OR REPLACE INTO archive_documents(doc_id, doctype, doctype_name, categorie, "
        "waardering, bewaartermijn, term_start, archived_at) VALUES(?,?,?,?,?,?,?,?)"));
    st.Bind(1, id).Bind(2, a.doctype).Bind(3, a.doctype_name).Bind(4, a.categorie)
        .Bind(5, a.waardering).Bind(6, a.bewaartermijn).Bind(7, a.term_start)
        .Bind(8, a.archived_at.empty() ? now : a.archived_at);
    SS_RETURN_IF_ERROR(st.Run());
  }
  SS_ASSIGN_OR_RETURN(Stmt del, db_->Prepare("DELETE FROM page_images WHERE doc_id=?"));
  del.Bind(1, id);
  return del.Run();
}

Status Store::ForEachArchiveFile(
    const std::function<void(const std::string&, const ArchiveFileRecord&)>& fn) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(
      "SELECT doc_id, role, path, sha256, size FROM archive_files ORDER BY doc_id, role"));
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    ArchiveFileRecord f;
    f.role = q.Text(1);
    f.path = q.Text(2);
    f.sha256 = q.Text(3);
    f.size = q.Int(4);
    fn(q.Text(0), f);
  }
  return Status::Ok();
}

Status Store::ForEachArchivedDocument(const std::function<void(const ArchivedDocument&)>& fn) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_->Prepare(
      "SELECT doc_id, doctype, doctype_name, categorie, waardering, bewaartermijn, term_start, "
      "archived_at FROM archive_documents ORDER BY archived_at, doc_id"));
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    ArchivedDocument a;
    a.doc_id = q.Text(0);
    a.doctype = q.Text(1);
    a.doctype_name = q.Text(2);
    a.categorie = q.Text(3);
    a.waardering = q.Text(4);
    a.bewaartermijn = q.Text(5);
    a.term_start = q.Text(6);
    a.archived_at = q.Text(7);
    fn(a);
  }
  return Status::Ok();
}

}  // namespace scanstraat
