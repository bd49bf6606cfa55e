# retry ATTEMPTS DELAY_SECONDS COMMAND [ARGS...]
# Runs COMMAND until it exits 0, at most ATTEMPTS times, doubling the pause after each failure.
# Returns COMMAND's last exit status.
retry() {
  local attempts=$1 delay=$2 status=0
  shift 2
  for ((try = 1; try <= attempts; try++)); do
    "$@" && return 0
    status=$?
    if ((try < attempts)); then
      echo "retry: '$*' failed with status $status (try $try of $attempts); next try in ${delay}s" >&2
      sleep "$delay"
      delay=$((delay * 2))
    fi
  done
  return "$status"
}
