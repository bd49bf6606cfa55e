# wait_for_port HOST PORT [TIMEOUT_SECONDS]
# Returns 0 once HOST:PORT accepts a TCP connection, 1 if it did not within TIMEOUT_SECONDS
# (default 30, fractions allowed), 2 on bad arguments.
wait_for_port() {
  local host=${1:-} port=${2:-} timeout_s=${3:-30}
  if [[ -z $host || ! $port =~ ^[0-9]+$ ]] || ((10#$port < 1 || 10#$port > 65535)); then
    echo "usage: wait_for_port HOST PORT [TIMEOUT_SECONDS]" >&2
    return 2
  fi
  if [[ ! $timeout_s =~ ^[0-9]+([.][0-9]+)?$ ]]; then
    echo "wait_for_port: timeout must be a number of seconds, got '$timeout_s'" >&2
    return 2
  fi
  # Redirecting to /dev/tcp/HOST/PORT makes bash connect (it is not a real file). The child bash
  # tries every 0.2 s; `timeout` kills it, and any connect stuck on a filtered port, at the deadline.
  # Host and port are passed as arguments, never pasted into the script.
  if timeout "$timeout_s" bash -c '
    until { : <>"/dev/tcp/$1/$2"; } 2>/dev/null; do sleep 0.2; done' _ "$host" "$port"; then
    return 0
  fi
  echo "wait_for_port: $host:$port not reachable after ${timeout_s}s" >&2
  return 1
}
