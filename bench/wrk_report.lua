-- wrk script of bench/load.py: sends one request shape, and reports the run as one line of JSON.
--
-- The request comes from the environment, so one script serves every endpoint:
--   WRK_METHOD        GET (default) or POST
--   WRK_BODY_FILE     a file whose bytes are the body (for POST)
--   WRK_CONTENT_TYPE  the body's Content-Type
--   WRK_NEW_ADDRESS   "1": each request adds "&asked=<thread>-<count>" to the address (a query string's
--                     parameter the portal ignores), so that no answer is a page it kept: a first reader's cost
-- done() prints, after wrk's own summary, a line starting with "WRK_REPORT " and then JSON: requests,
-- duration (microseconds), bytes, errors by kind (wrk counts a status that is not 2xx or 3xx under
-- "status"), and latency percentiles 50/95/99 and max in microseconds. bench/load.py reads that line
-- rather than wrk's rounded text.

wrk.method = os.getenv("WRK_METHOD") or "GET"

local body_file = os.getenv("WRK_BODY_FILE")
if body_file and body_file ~= "" then
  local file = assert(io.open(body_file, "rb"))
  wrk.body = file:read("*a")
  file:close()
end

local content_type = os.getenv("WRK_CONTENT_TYPE")
if content_type and content_type ~= "" then
  wrk.headers["Content-Type"] = content_type
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

if os.getenv("WRK_NEW_ADDRESS") == "1" then
  local asked = 0
  function request()
    asked = asked + 1
    return wrk.format(nil, string.format("%s&asked=%d-%d", wrk.path, thread_number, asked))
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_REPORT {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"latency_us": {"p50": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean
  ))
end
