# parallel_each JOBS COMMAND [ARGS...] < items
# Reads NUL-separated items on stdin (printf '%s\0' ..., find -print0, grep -lZ) and runs
# COMMAND ARGS ITEM for each, at most JOBS at a time. Returns 0 if every run succeeded, 123 if
# any failed (the others still run), 2 on bad arguments. Nothing runs for empty input.
parallel_each() {
  local jobs=${1:-}
  if [[ ! $jobs =~ ^[1-9][0-9]*$ ]] || (($# < 2)); then
    echo "usage: parallel_each JOBS COMMAND [ARGS...] < NUL-separated items" >&2
    return 2
  fi
  shift
  # -0: split on NUL only (no quote or blank processing); -r: skip empty input;
  # -n 1: one item per run (raise it to batch several items into one run).
  xargs -0 -r -n 1 -P "$jobs" -- "$@"
}

# parallel_function JOBS FUNCTION [ARGS...] < items: the same for a shell function.
# xargs runs programs, so the function is exported and run by a child bash. Functions and
# variables it uses must be exported too (export -f helper; export VAR).
parallel_function() {
  local jobs=${1:-} fn=${2:-}
  if [[ -z $fn ]] || ! declare -F -- "$fn" >/dev/null; then
    echo "parallel_function: '$fn' is not a function" >&2
    return 2
  fi
  export -f -- "$fn"
  shift 2
  parallel_each "$jobs" bash -c '"$@"' _ "$fn" "$@"
}
