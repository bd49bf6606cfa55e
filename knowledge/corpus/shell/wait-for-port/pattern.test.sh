set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }

# A local port where nothing listens: the first candidate that refuses a connection.
closed=
for candidate in 1 9 47 63999; do
  if ! { : <>"/dev/tcp/127.0.0.1/$candidate"; } 2>/dev/null; then closed=$candidate; break; fi
done
[[ -n $closed ]] || fail "no closed local port found for the test"

start=$(date +%s%N)
wait_for_port 127.0.0.1 "$closed" 0.5 2> err; status=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
[[ $status == 1 ]] || fail "closed port: expected status 1, got $status"
((elapsed_ms >= 400 && elapsed_ms < 1500)) || fail "gives up at the timeout, took ${elapsed_ms}ms"
[[ $(cat err) == "wait_for_port: 127.0.0.1:$closed not reachable after 0.5s" ]] || fail "message: $(cat err)"

for args in "" "127.0.0.1" "127.0.0.1 http" "127.0.0.1 0" "127.0.0.1 70000" "127.0.0.1 80 soon" "127.0.0.1 80 -1" "127.0.0.1 099999"; do
  # shellcheck disable=SC2086
  wait_for_port $args 2> err; status=$?
  [[ $status == 2 && -s err ]] || fail "bad arguments '$args': expected status 2, got $status"
done

# Host and port are data, not code.
wait_for_port '127.0.0.1/1; touch pwned #' 80 0.3 2> /dev/null
[[ ! -e pwned ]] || fail "host is not executed"
echo ok
