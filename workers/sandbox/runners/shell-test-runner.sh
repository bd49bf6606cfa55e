#!/usr/bin/env bash
# Runs pattern.test.sh with bash inside the sandbox and reports it as one test that passes when it exits 0
# (see test-report-marker.ts). Its stderr is kept (and echoed once it ends) to explain a failure. The last
# line on stdout is
#   \x1eKILN-TESTS <nonce> {"passed": .., "failed": .., "skipped": 0, "failures": [{"name": .., "message": ..}]}
nonce=${KILN_TESTS_NONCE-}
unset KILN_TESTS_NONCE
stderr_log=$(mktemp 2>/dev/null || echo "${TMPDIR:-/tmp}/kiln-tests-stderr.$$")

bash ./pattern.test.sh 2>"$stderr_log"
status=$?
cat "$stderr_log" >&2

# JSON string escaping, in bash alone: the last 2000 bytes of stderr, without other control characters.
json_string() {
  local text=$1
  text=${text//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\t'/\\t}
  text=${text//$'\r'/}
  text=${text//$'\n'/\\n}
  printf '"%s"' "$text"
}

if [ "$status" -eq 0 ]; then
  printf '\036KILN-TESTS %s {"passed":1,"failed":0,"skipped":0,"failures":[]}\n' "$nonce"
else
  tail_of_stderr=$(tail -c 2000 "$stderr_log" | tr -d '\000-\010\013\014\016-\037\177')
  message="pattern.test.sh exited with status $status"
  [ -n "$tail_of_stderr" ] && message+=$'\n'"$tail_of_stderr"
  failure='{"name":"pattern.test.sh","message":'"$(json_string "$message")"'}'
  printf '\036KILN-TESTS %s {"passed":0,"failed":1,"skipped":0,"failures":[%s]}\n' "$nonce" "$failure"
fi
rm -f "$stderr_log"
exit "$status"
