#!/usr/bin/python3
"""Runs one command and records what it cost, as one JSON object.

    measure.py --label L --out FILE.json [--pages N] [--jobs N] -- CMD ARG...

Records: wall seconds; max RSS of the largest single process (from
`/usr/bin/time -v`, which is what `time` reports for a process tree);
the peak of the *summed* RSS of the whole process tree, sampled every
50 ms from /proc (N tesseract processes side by side count N times);
user+sys CPU seconds of the tree; and how busy *other* processes kept the
machine meanwhile (busy CPU time from /proc/stat minus our own, as a
fraction of all cores), so that figures taken under load say so.
Exits non-zero, after writing nothing, when the command fails.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time


def cpu_busy_seconds():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(fields[:8]) - idle) / tick


def tree_rss_kib(root):
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % pid) as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(pid))
        except (OSError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def parse_time_v(path):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("Maximum resident set size"):
                out["maxrss_mib"] = int(line.rsplit(":", 1)[1]) / 1024.0
            elif line.startswith("User time"):
                out["user_s"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("System time"):
                out["sys_s"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("Exit status"):
                out["exit"] = int(line.rsplit(":", 1)[1])
    return out


def Portable(text):
    text = text.replace(os.getcwd() + "/", "")
    for var, name in (("BENCH_DATA", "$DATA"), ("BENCH_WORK", "$WORK")):
        folder = os.environ.get(var, "")
        if folder:
            text = text.replace(folder, name)
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--log", default=os.devnull, help="stdout+stderr of the command")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        sys.exit("measure.py: no command")
    tfile = a.out + ".time"
    peak = [0]
    done = threading.Event()

    busy0 = cpu_busy_seconds()
    t0 = time.monotonic()
    with open(a.log, "w") as log:
        proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", tfile] + cmd, stdout=log,
                                stderr=subprocess.STDOUT)

        def sample():
            while not done.wait(0.05):
                peak[0] = max(peak[0], tree_rss_kib(proc.pid))

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        rc = proc.wait()
        done.set()
        th.join()
    wall = time.monotonic() - t0
    busy = cpu_busy_seconds() - busy0
    if rc != 0:
        sys.stderr.write("measure.py: '%s' failed with exit code %d (log: %s)\n"
                         % (a.label, rc, a.log))
        sys.exit(1)
    t = parse_time_v(tfile)
    os.remove(tfile)
    ours = t.get("user_s", 0) + t.get("sys_s", 0)
    ncpu = os.cpu_count() or 1
    rec = {
        "label": a.label,
        "pages": a.pages,
        "jobs": a.jobs,
        "wall_s": round(wall, 3),
        "pages_per_s": round(a.pages / wall, 4) if a.pages else None,
        "cpu_s": round(ours, 2),
        "maxrss_mib": round(t.get("maxrss_mib", 0), 1),
        "tree_peak_rss_mib": round(peak[0] / 1024.0, 1),
        "others_cpu_frac": round(max(0.0, busy - ours) / (wall * ncpu), 3),
        # Paths inside the checkout relative to it (run.sh runs from its
        # root), the bench's work and data folders by name, so the committed
        # results name no machine's folders.
        "cmd": Portable(" ".join(cmd)),
    }
    with open(a.out, "w") as f:
        json.dump(rec, f)
    print("  %-40s %7.1f s  %7.3f pages/s  max RSS %6.0f MiB  tree %6.0f MiB  others %3.0f%%"
          % (a.label, wall, rec["pages_per_s"] or 0, rec["maxrss_mib"], rec["tree_peak_rss_mib"],
             100 * rec["others_cpu_frac"]), file=sys.stderr)


if __name__ == "__main__":
    main()
