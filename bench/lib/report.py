#!/usr/bin/python3
"""Combines bench/run.sh's measurements into a table (stdout), a JSON file
and a TSV beside it, with the ratios and the targets of issue 6."""
import argparse
import datetime
import glob
import json
import os


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rerender", help="recompute table, ratios and targets of an existing "
                    "results file (no new measurement) and print them")
    for name in ("records", "out", "ocrmypdf-mode", "scan-info", "load", "binary", "command",
                 "binary-mtime", "binary-sha256", "git-commit"):
        ap.add_argument("--" + name)
    for name in ("jobs", "pages", "docs", "small", "large", "quick", "git-dirty"):
        ap.add_argument("--" + name, type=int)
    a = ap.parse_args()
    if a.rerender:
        with open(a.rerender) as f:
            old = json.load(f)
        recs = {r["label"]: r for r in old["measurements"]}
        a.out = a.out or a.rerender
        a.jobs, a.pages, a.docs, a.quick = old["jobs"], old["pages"], old["documents"], old["quick"]
        a.small, a.large = old["textlayer_sets"]["small_docs"], old["textlayer_sets"]["large_docs"]
        a.ocrmypdf_mode = old["ocrmypdf_mode"].split(":")[0]
        keep = {k: old.get(k) for k in ("date", "command", "git_commit", "git_dirty", "binary",
                                        "binary_mtime", "binary_sha256", "cores", "page_set",
                                        "load", "note")}
    else:
        recs = {}
        for f in glob.glob(os.path.join(a.records, "*.json")):
            with open(f) as fh:
                r = json.load(fh)
            recs[r["label"]] = r
        keep = None
    for r in recs.values():
        r["cpu_s_per_page"] = round(r["cpu_s"] / r["pages"], 4)
        r["cpu_utilisation"] = round(r["cpu_s"] / (r["wall_s"] * r["jobs"]), 3)
    n = a.jobs
    limit = recs["limit_tesseract_j%d" % n]
    img = recs["scanstraat_images_j%d" % n]
    pdf = recs["scanstraat_pdfs_j%d" % n]
    ocr = recs["ocrmypdf_%s_j%d" % (a.ocrmypdf_mode, n)]
    small = recs["textlayer_%d_j%d" % (a.small, n)]
    large = recs["textlayer_%d_j%d" % (a.large, n)]

    def pps(r):
        return r["pages_per_s"]

    ratios = {
        "scanstraat_images_vs_limit": pps(img) / pps(limit),
        "scanstraat_pdfs_vs_limit": pps(pdf) / pps(limit),
        "scanstraat_pdfs_vs_ocrmypdf": pps(pdf) / pps(ocr),
        "scanstraat_images_vs_ocrmypdf": pps(img) / pps(ocr),
        "textlayer_vs_scanned_per_page": pps(large) / pps(pdf),
        "peak_rss_large_vs_small": large["maxrss_mib"] / small["maxrss_mib"],
        "tree_rss_large_vs_small": large["tree_peak_rss_mib"] / small["tree_peak_rss_mib"],
        # CPU seconds per page instead of wall time: what throughput on N idle cores
        # would be if every tool kept its N cores busy. Much less disturbed by other
        # processes than wall time; read both.
        "cpu_scanstraat_images_vs_limit": limit["cpu_s_per_page"] / img["cpu_s_per_page"],
        "cpu_scanstraat_pdfs_vs_limit": limit["cpu_s_per_page"] / pdf["cpu_s_per_page"],
        "cpu_scanstraat_pdfs_vs_ocrmypdf": ocr["cpu_s_per_page"] / pdf["cpu_s_per_page"],
        "cpu_textlayer_vs_scanned_per_page": pdf["cpu_s_per_page"] / large["cpu_s_per_page"],
    }
    ss_small = recs.get("smallscan_%d_j%d" % (a.small, n))
    ss_large = recs.get("smallscan_%d_j%d" % (a.large, n))
    ss_repeat = recs.get("smallrepeat_%d_j%d" % (a.large, n))
    if ss_small and ss_repeat:
        ratios["peak_rss_repeated_vs_small_scanned"] = ss_repeat["maxrss_mib"] / ss_small["maxrss_mib"]
    if ss_small and ss_large:
        ratios["peak_rss_large_vs_small_scanned"] = ss_large["maxrss_mib"] / ss_small["maxrss_mib"]
        ratios["tree_rss_large_vs_small_scanned"] = (ss_large["tree_peak_rss_mib"]
                                                     / ss_small["tree_peak_rss_mib"])
    per_job = max(img["tree_peak_rss_mib"], pdf["tree_peak_rss_mib"]) / n
    scaling = {}
    for j in range(1, n + 1):
        r = recs.get("scanstraat_images_j%d" % j)
        if r:
            scaling[j] = {"pages_per_s": pps(r), "speedup_vs_1": None}
    if 1 in scaling:
        for j in scaling:
            scaling[j]["speedup_vs_1"] = scaling[j]["pages_per_s"] / scaling[1]["pages_per_s"]
    targets = [
        ("scanstraat >= 0.90 x limit (scanned PDFs)", ratios["scanstraat_pdfs_vs_limit"], 0.90, ">="),
        ("scanstraat >= 0.90 x limit (images)", ratios["scanstraat_images_vs_limit"], 0.90, ">="),
        ("scanstraat >= 1.5 x ocrmypdf (PDFs)", ratios["scanstraat_pdfs_vs_ocrmypdf"], 1.5, ">="),
        ("same, CPU s/page: >= 0.90 x limit (PDFs)", ratios["cpu_scanstraat_pdfs_vs_limit"],
         0.90, ">="),
        ("same, CPU s/page: >= 0.90 x limit (images)", ratios["cpu_scanstraat_images_vs_limit"],
         0.90, ">="),
        ("same, CPU s/page: >= 1.5 x ocrmypdf (PDFs)", ratios["cpu_scanstraat_pdfs_vs_ocrmypdf"],
         1.5, ">="),
        ("text layer >= 50 x scanned per page", ratios["textlayer_vs_scanned_per_page"], 50, ">="),
        ("peak RSS %d docs <= 1.10 x %d docs" % (a.large, a.small),
         ratios["peak_rss_large_vs_small"], 1.10, "<="),
        ("peak RSS per job < 300 MiB (tree sum / jobs)", per_job, 300, "<"),
    ]
    if ss_small and ss_large:
        targets.append(("peak RSS %d small scans <= 1.10 x %d" % (a.large, a.small),
                        ratios["peak_rss_large_vs_small_scanned"], 1.10, "<="))
    if ss_small and ss_repeat:
        targets.append(("same, the %d strips %d times over" % (a.small, a.large // a.small),
                        ratios["peak_rss_repeated_vs_small_scanned"], 1.10, "<="))
    others = [r["others_cpu_frac"] for r in recs.values()]
    under_load = max(others) > 0.10
    if keep is None:
        with open(a.load) as f:
            load_text = f.read()
        with open(a.scan_info) as f:
            scan_info = json.load(f)
    result = {
        "schema": "scanstraat.bench/1",
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": a.command,
        "quick": bool(a.quick),
        # All four taken when the run started (the binary is a snapshot copied then).
        "git_commit": a.git_commit,
        "git_dirty": bool(a.git_dirty),
        "binary": a.binary,
        "binary_mtime": a.binary_mtime,
        "binary_sha256": a.binary_sha256,
        "cores": os.cpu_count(),
        "jobs": n,
        "pages": a.pages,
        "documents": a.docs,
        "page_set": None if keep else
                    "sample generator seed 9001, holdout variants, scanned A4 300 dpi, modes %s"
                    % scan_info.get("modes"),
        "ocrmypdf_mode": a.ocrmypdf_mode + (": one PDF per document, N at a time, each --jobs 1"
                                            if a.ocrmypdf_mode == "parallel"
                                            else ": one PDF per document in turn, each --jobs N"),
        "textlayer_sets": {"small_docs": a.small, "large_docs": a.large,
                           "pages": [small["pages"], large["pages"]]},
        "under_load": under_load,
        "others_cpu_frac_max": max(others),
        "load": None if keep else load_text,
        "measurements": sorted(recs.values(), key=lambda r: r["label"]),
        "ratios": {k: round(v, 3) for k, v in ratios.items()},
        "peak_rss_per_job_mib": round(per_job, 1),
        "scaling": scaling,
        "targets": [{"target": t, "value": round(v, 3), "bound": b,
                     "met": (v >= b if op == ">=" else v <= b if op == "<=" else v < b)}
                    for t, v, b, op in targets],
    }
    if keep is not None:
        result.update(keep)
    with open(a.out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    tsv = os.path.splitext(a.out)[0] + ".tsv"
    cols = ["label", "pages", "jobs", "wall_s", "pages_per_s", "cpu_s", "cpu_s_per_page",
            "cpu_utilisation", "maxrss_mib", "tree_peak_rss_mib", "others_cpu_frac"]
    with open(tsv, "w") as f:
        f.write("\t".join(cols) + "\n")
        for r in result["measurements"]:
            f.write("\t".join(str(r[c]) for c in cols) + "\n")
        for k, v in result["ratios"].items():
            f.write("ratio:%s\t%s\n" % (k, v))

    print()
    print("Scanstraat bench, %s, %d cores, %d jobs, %d scanned pages in %d documents%s"
          % (result["date"], result["cores"], n, a.pages, a.docs, " (QUICK)" if a.quick else ""))
    if under_load:
        print("UNDER LOAD: other processes used up to %.0f%% of the CPUs during a step"
              % (100 * max(others)))
    print("%-26s %5s %7s %8s %8s %6s %9s %9s %6s" % (
        "", "pages", "wall s", "pages/s", "CPU s/p", "ours", "maxRSS", "treeRSS", "others"))
    for r in result["measurements"]:
        print("%-26s %5d %7.1f %8.3f %8.3f %5.0f%% %5.0f MiB %5.0f MiB %5.0f%%"
              % (r["label"], r["pages"], r["wall_s"], r["pages_per_s"], r["cpu_s_per_page"],
                 100 * r["cpu_utilisation"], r["maxrss_mib"], r["tree_peak_rss_mib"],
                 100 * r["others_cpu_frac"]))
    print("(CPU s/p: user+sys CPU seconds per page; ours: share of the N jobs' cores the tool "
          "got; others: share of all cores other processes used, nice'd ones included)")
    print()
    for k, v in result["ratios"].items():
        print("  %-36s %8.3f" % (k, v))
    if len(scaling) > 1:
        print("  scaling (images): " + ", ".join(
            "%d job%s %.3f pages/s (x%.2f)" % (j, "s" if j > 1 else "", s["pages_per_s"],
                                              s["speedup_vs_1"] or 0)
            for j, s in sorted(scaling.items())))
    print()
    for t in result["targets"]:
        print("  [%s] %-46s %8.3f (bound %s)" % ("met " if t["met"] else "MISS", t["target"],
                                               t["value"], t["bound"]))
    print("\nresults: %s, %s" % (a.out, tsv))


if __name__ == "__main__":
    main()
