"""Checks shared by the fault-injection and crash tests (tests/cli/lib/fault_checks.bash).

  fault_checks.py consistent WS MODE    is the workspace consistent? (MODE below)
  fault_checks.py once WS IDS           one result per id in the file IDS (on stdin: `scanstraat results`)
  fault_checks.py private T FILE...     no personal data of the batch in FILE...

MODE after-failure: what must hold whatever stopped a run: the database is
sound; no document is half done (done without its result, its review case or
its archive rows; not done but with any of them); every archive_files row
names a file that is there with its recorded size and SHA-256. Files the
database does not know yet are allowed: written before a commit that a
failure prevented, they are written again by the next run.
MODE strict-archive: also no file in the archive that the database does not
know (no leftover of an interrupted write either), and each document folder
holds exactly its recorded files.
MODE complete: also every document is done.
"""
import hashlib
import json
import os
import sqlite3
import sys

ROLES = ("pdf", "mdto_object", "mdto_pdf", "result")


def consistent(ws, mode):
    db = sqlite3.connect("file:" + os.path.join(ws, "scanstraat.db") + "?mode=ro", uri=True)
    q = lambda sql: db.execute(sql).fetchall()
    one = lambda sql: q(sql)[0][0]
    bad = []
    if one("PRAGMA integrity_check") != "ok":
        bad.append("integrity_check: %s" % q("PRAGMA integrity_check")[:3])
    if q("PRAGMA foreign_key_check"):
        bad.append("foreign keys: %s" % q("PRAGMA foreign_key_check")[:3])
    tables = {r[0] for r in q("SELECT name FROM sqlite_master WHERE type='table'")}
    if "documents" not in tables:  # the run failed before it made the schema
        if bad:
            sys.exit("inconsistent workspace:\n  " + "\n  ".join(bad))
        print("consistent (%s): no schema yet" % mode)
        return

    def rule(sql, what):
        n = one("SELECT COUNT(*) FROM (%s)" % sql)
        if n:
            bad.append("%d %s" % (n, what))

    rule("SELECT id FROM documents WHERE state='done' AND (result IS NULL OR done_seq IS NULL "
         "OR decision NOT IN ('archive','review','failed'))", "done documents without their result")
    rule("SELECT d.id FROM documents d WHERE d.state='done' AND d.decision!='archive' AND "
         "(SELECT COUNT(*) FROM review_cases c WHERE c.doc_id=d.id)!=1",
         "done documents not archived without exactly one review case")
    rule("SELECT d.id FROM documents d JOIN review_cases c ON c.doc_id=d.id WHERE d.state!='done'",
         "documents not done with a review case")
    rule("SELECT d.id FROM documents d WHERE d.state='done' AND d.decision='archive' AND ("
         "NOT EXISTS (SELECT 1 FROM archive_documents a WHERE a.doc_id=d.id) OR "
         "(SELECT COUNT(*) FROM archive_files f WHERE f.doc_id=d.id AND f.role IN %s)!=%d)"
         % (str(ROLES), len(ROLES)), "archived documents without their files")
    rule("SELECT DISTINCT f.doc_id FROM archive_files f JOIN documents d ON d.id=f.doc_id "
         "WHERE d.state!='done' OR d.decision!='archive'", "documents with archive files but not archived")
    rule("SELECT a.doc_id FROM archive_documents a JOIN documents d ON d.id=a.doc_id "
         "WHERE d.state!='done' OR d.decision!='archive'", "documents with archive facts but not archived")
    if mode == "complete":
        rule("SELECT id FROM documents WHERE state!='done'", "documents not done")

    root = os.path.join(ws, "archive")
    rows = q("SELECT doc_id, path, size, sha256 FROM archive_files")
    for _, rel, size, sha in rows:
        path = os.path.join(root, rel)
        if not os.path.isfile(path):
            bad.append("archive_files row without its file: " + rel)
            continue
        data = open(path, "rb").read()
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
            bad.append("file differs from its archive_files row: " + rel)
    on_disk = set()
    for folder, _, files in os.walk(root):
        on_disk.update(os.path.relpath(os.path.join(folder, f), root) for f in files)
    unknown = sorted(on_disk - {r[1] for r in rows})
    if mode != "after-failure":
        if unknown:
            bad.append("files in the archive the database does not know: %s" % unknown[:5])
        per_folder = {}
        for rel in on_disk:
            per_folder[os.path.dirname(rel)] = per_folder.get(os.path.dirname(rel), 0) + 1
        for doc, n in q("SELECT doc_id, COUNT(*) FROM archive_files GROUP BY doc_id"):
            folder = os.path.join(doc[:2], doc)
            if per_folder.get(folder, 0) != n:
                bad.append("%s holds %d files, %d recorded" % (folder, per_folder.get(folder, 0), n))
    if bad:
        sys.exit("inconsistent workspace (%s):\n  %s" % (mode, "\n  ".join(bad)))
    print("consistent (%s): %d documents, %d done (%d archived), %d review cases, "
          "%d archive files, %d not recorded yet" % (
              mode, one("SELECT COUNT(*) FROM documents"),
              one("SELECT COUNT(*) FROM documents WHERE state='done'"),
              one("SELECT COUNT(*) FROM documents WHERE state='done' AND decision='archive'"),
              one("SELECT COUNT(*) FROM review_cases"), len(rows), len(unknown)))


def once(ids_file):
    want = {l.strip() for l in open(ids_file) if l.strip()}
    got = [json.loads(l)["document"]["id"] for l in sys.stdin if l.strip()]
    lost = len(want - set(got))
    duplicated = len(got) - len(set(got)) + len(set(got) - want)
    print("documents %d, lost %d, duplicated %d" % (len(want), lost, duplicated))
    return 1 if lost or duplicated else 0


def private(t, files):
    needles = set()
    for expected in open(os.path.join(t, "expected.list")).read().split("\n"):
        if not expected:
            continue
        j = json.load(open(expected))
        for part in ("fields", "raw"):
            for v in (j.get(part) or {}).values():
                if isinstance(v, str) and len(v) >= 5:
                    needles.add(v)
    needles.update(n for n in open(os.path.join(t, "names.list")).read().split("\n") if n)
    for f in files:
        text = open(f, errors="replace").read()
        for n in sorted(needles):
            if n in text:
                sys.exit("personal data %r in %s" % (n, f))
    print("no personal data in %s (%d values checked)" % (", ".join(map(os.path.basename, files)), len(needles)))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "consistent":
        consistent(sys.argv[2], sys.argv[3])
    elif cmd == "once":
        sys.exit(once(sys.argv[2]))
    elif cmd == "private":
        private(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
