set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }
stamp='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'

out=$(log info "hello" "world" 2> err)
[[ -z $out ]] || fail "nothing on stdout"
line=$(cat err)
[[ $line =~ ^$stamp\ INFO\ \ hello\ world$ ]] || fail "format: '$line'"
[[ ${line:0:10} == "$(date -u +%Y-%m-%d)" || ${line:0:10} == "$(date -u -d '1 minute ago' +%Y-%m-%d)" ]] || fail "today's UTC date: $line"

unset LOG_LEVEL
{ log_debug hidden; log_info shown-info; log_warn shown-warn; log_error shown-error; } 2> err
[[ $(grep -c . err) == 3 && $(cat err) != *hidden* ]] || fail "default level is info: $(cat err)"
[[ $(sed -n 2p err) =~ ^$stamp\ WARN\ \ shown-warn$ ]] || fail "warn line: $(sed -n 2p err)"
LOG_LEVEL=debug log_debug visible 2> err
[[ $(cat err) == *"DEBUG visible" ]] || fail "LOG_LEVEL=debug shows debug"
LOG_LEVEL=error log_warn quiet 2> err
[[ ! -s err ]] || fail "LOG_LEVEL=error hides warnings"
log verbose nope 2> err; [[ $? == 2 && $(cat err) == *"unknown level"* ]] || fail "unknown level rejected"

printf 'first\n\n  indented \\n kept\nno newline' | timestamp_lines > stamped
[[ $(wc -l < stamped) == 4 ]] || fail "one output line per input line: $(cat stamped)"
[[ $(sed -n 1p stamped) =~ ^$stamp\ first$ ]] || fail "line 1: $(sed -n 1p stamped)"
[[ $(sed -n 2p stamped) =~ ^$stamp\ $ ]] || fail "blank line kept"
[[ $(sed -n 3p stamped) =~ ^$stamp\ \ \ indented\ \\n\ kept$ ]] || fail "spacing and backslashes kept: $(sed -n 3p stamped)"
[[ $(sed -n 4p stamped) == *'Z no newline' ]] || fail "last line without newline kept"
echo ok
