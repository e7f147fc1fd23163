-- wrk script for bench/run.sh: the literal PAGE in the path becomes a random page number
-- (0..BENCH_PAGES-1), and the summary line carries p50/p95/p99 (wrk's --latency has no p95).
local pages = tonumber(os.getenv("BENCH_PAGES") or "200")

request = function()
  local path = string.gsub(wrk.path, "PAGE", tostring(math.random(0, pages - 1)))
  return wrk.format(nil, path)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps=%.1f requests=%d errors=%d status_errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors, summary.errors.status))
end
