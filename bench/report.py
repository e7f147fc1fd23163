#!/usr/bin/env python3
"""Writes the figures of one bench/run.sh run into docs/benchmarks.md (the section between
the issue-9 markers is replaced; appended the first time). Usage: report.py OUT_DIR DOC."""
import json
import os
import re
import sys

out, doc = sys.argv[1], sys.argv[2]
results = {}
with open(os.path.join(out, "results.tsv"), encoding="utf-8") as f:
    for line in f:
        key, _, value = line.rstrip("\n").partition("\t")
        results[key] = value


def wrk(name):
    fields = dict(kv.split("=") for kv in results.get("wrk." + name, "").split())
    return {k: float(v) for k, v in fields.items()}


def verdict(ok):
    return "met" if ok else "**missed**"


def num(key):
    try:
        return float(results[key])
    except (KeyError, ValueError):
        return None


jmh = {}
jmh_path = os.path.join(out, "jmh.json")
if os.path.exists(jmh_path):
    with open(jmh_path, encoding="utf-8") as f:
        for run in json.load(f):
            name = run["benchmark"].rsplit(".", 1)[-1]
            events = run.get("secondaryMetrics", {}).get("events")
            jmh[name] = {
                "score": run["primaryMetric"]["score"],
                "error": run["primaryMetric"]["scoreError"],
                "unit": run["primaryMetric"]["scoreUnit"],
                "events": events["score"] if events else None,
            }

# one section per database, so that an H2 run and a PostgreSQL run stand side by side
on_pg = results.get("database", "").startswith("PostgreSQL")
marker = "issue9-bench-pg" if on_pg else "issue9-bench"
lines = ["<!-- %s:start -->" % marker, "## Issue 9%s: one run of `bench/run.sh` — " % (" on PostgreSQL" if on_pg else "")
         + results.get("date", "?"), ""]
lines.append("Machine: " + results.get("machine", "?") + "; " + results.get("java", "?") + "; database: "
             + results.get("database", "?") + ". Load average (1/5/15 min) before the run: "
             + results.get("load.before", "?") + " (above 2 the machine was shared with other work, and absolute "
             "figures are conservative); after: " + results.get("load.after", "?")
             + " (the run's own wrk and server on two cores).")
lines.append("")
lines.append("Reproduce: `bench/run.sh` (sizes and database by environment variables, see the script's header). "
             "wrk: " + results.get("wrk.settings", "?") + ", loopback, after a warm-up ("
             + results.get("warmup", "none") + "). "
             "JMH: one fork, 2 warm-up and 3 measured iterations, single-threaded, mean ± 99.9 % error"
             + (" (" + results["jmh.source"] + ")" if "jmh.source" in results else "") + ". wrk 'errors' are requests that timed out after 2 s (wrk's default), so a p95 near 2 s is a lower bound.")
lines.append("")
lines.append("| measurement | result | goal | |")
lines.append("|---|---|---|---|")


def row(what, result, goal, ok):
    lines.append("| %s | %s | %s | %s |" % (what, result, goal, "" if ok is None else verdict(ok)))


start, rss0, rss1 = num("clinic.start_s"), num("clinic.rss_at_start_mb"), num("clinic.rss_after_load_mb")
if start is not None:
    row("clinic start to `/actuator/health` UP (-Xmx256m)", "%.1f s" % start, "< 10 s", start < 10)
if rss0 is not None:
    row("clinic RSS at start / after 20 s of page load", "%.0f MB / %.0f MB" % (rss0, rss1 or 0), "< 400 MB",
        max(rss0, rss1 or 0) < 400)
for name, label in (("dashboard", "dashboard"), ("devices", "device list filtered (q=内科), random page of 50"),
                    ("assessment", "assessment page"), ("evaluation", "evaluation API (token)")):
    w = wrk(name)
    if w:
        ok = w["p95_ms"] < 150 and w["rps"] >= 300
        row("hospital500: " + label, "p50 %.1f ms, **p95 %.1f ms**, %.0f req/s (%d requests, %d errors)"
            % (w["p50_ms"], w["p95_ms"], w["rps"], w["requests"], w["errors"] + w["status_errors"]),
            "p95 < 150 ms, ≥ 300 req/s", ok)
inst = num("excel.institution_s")
if inst is not None:
    row("official Excel of one institution (REST, median of 5)", "%.2f s" % inst, "< 1 s", inst < 1)
roll = num("excel.rollup_s")
if roll is not None:
    row("roll-up Excel over %s organisations (median of 5)" % results.get("excel.rollup_orgs", "?"), "%.2f s" % roll,
        "< 60 s", roll < 60)
for name, label in (("parseLinuxAuth", "Linux auth parse (generated log)"), ("parseEvtx", "EVTX parse (shared samples)"),
                    ("parseFortiGate", "FortiGate parse (sample ×2000)")):
    if name in jmh and jmh[name]["events"]:
        eps = jmh[name]["events"]
        row("JMH " + label, "%s events/s" % format(round(eps), ","), "≥ 50,000 events/s" if name != "parseFortiGate" else "—",
            eps >= 50_000 if name != "parseFortiGate" else None)
if "allDetections" in jmh and jmh["allDetections"]["events"]:
    eps = jmh["allDetections"]["events"]
    row("JMH all 17 detection rules over 500k generated events", "%s events/s → 10M events in %.1f s"
        % (format(round(eps), ","), 10_000_000 / eps), "10M ≤ 30 s", 10_000_000 / eps <= 30)
for name, label in (("officialExcelOfOneInstitution", "JMH official Excel of one institution (in-process)"),
                    ("deviceListPageAt10kDevices", "JMH device list: count + one page of 50 at 10k devices")):
    if name in jmh:
        row(label, "%.2f ± %.2f %s" % (jmh[name]["score"], jmh[name]["error"], jmh[name]["unit"]), "—", None)
gen = num("hospital.generate_s")
if gen is not None:
    row("generate hospital500 (" + results.get("hospital.size", "?") + ")", "%.0f s%s" % (
        gen, ", database %s MB" % results["hospital.database_mb"] if "hospital.database_mb" in results else ""), "—", None)
grp = num("group.generate_s")
if grp is not None:
    row("generate group300 (%s organisations)" % results.get("excel.rollup_orgs", "?"), "%.0f s" % grp, "—", None)
for key, value in results.items():
    if key.startswith("failed."):
        lines.append("| **failed**: GET " + key[len("failed."):] + " | HTTP " + value + " | | |")
if "devices.filtered" in results:
    lines.append("")
    lines.append("Device list filter: " + results["devices.filtered"] + ".")
lines.append("")
lines.append("Import against PostgreSQL `COPY` is measured by `AccessLogImportBenchmark`, not by this runner; see the "
             "partitions section above.")
lines.append("<!-- %s:end -->" % marker)
section = "\n".join(lines) + "\n"

with open(doc, encoding="utf-8") as f:
    text = f.read()
pattern = re.compile(r"<!-- " + marker + r":start -->.*?<!-- " + marker + r":end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
with open(doc, "w", encoding="utf-8") as f:
    f.write(text)
print(section)
