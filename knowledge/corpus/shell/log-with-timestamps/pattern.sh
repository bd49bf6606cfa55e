# log LEVEL MESSAGE...: LEVEL is debug, info, warn or error. Lines below LOG_LEVEL (default info)
# are dropped. Output goes to stderr as `YYYY-MM-DDTHH:MM:SSZ LEVEL message`, in UTC.
log() {
  local level=${1:-} threshold=${LOG_LEVEL:-info}
  local -A rank=([debug]=0 [info]=1 [warn]=2 [error]=3)
  if [[ -z ${rank[$level]:-} ]]; then
    echo "log: unknown level '$level'" >&2
    return 2
  fi
  shift
  ((rank[$level] >= ${rank[$threshold]:-1})) || return 0
  # %(...)T is printf's own strftime (bash 4.2+); -1 means now. TZ=UTC applies to this call only.
  TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T %-5s %s\n' -1 "${level^^}" "$*" >&2
}
log_debug() { log debug "$@"; }
log_info() { log info "$@"; }
log_warn() { log warn "$@"; }
log_error() { log error "$@"; }

# timestamp_lines: filter that prefixes each line of stdin with the current UTC time, e.g.
#   make build 2>&1 | timestamp_lines >> build.log
# Lines are passed through unchanged (spaces, backslashes, a last line without newline).
timestamp_lines() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T %s\n' -1 "$line"
  done
}
