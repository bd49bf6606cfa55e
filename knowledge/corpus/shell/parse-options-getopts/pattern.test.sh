set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }

parse_args a.txt || fail "defaults"
[[ $VERBOSE == 0 && $COUNT == 1 && $OUTPUT == - && ${FILES[*]} == a.txt ]] || fail "default values"

parse_args -v -n 3 -o out.txt a.txt "b c.txt" || fail "all options"
[[ $VERBOSE == 1 && $COUNT == 3 && $OUTPUT == out.txt ]] || fail "option values"
[[ ${#FILES[@]} == 2 && ${FILES[1]} == "b c.txt" ]] || fail "operands keep their spaces"

parse_args -vn5 -oresult a || fail "bundled options and attached values"
[[ $VERBOSE == 1 && $COUNT == 5 && $OUTPUT == result ]] || fail "bundled values: $VERBOSE $COUNT $OUTPUT"

parse_args -- -v || fail "-- ends options"
[[ $VERBOSE == 0 && ${FILES[*]} == -v ]] || fail "after -- a dash argument is a file"

parse_args a.txt -v || fail "stops at the first operand"
[[ $VERBOSE == 0 && ${FILES[*]} == "a.txt -v" ]] || fail "options after an operand are operands"

parse_args -x a 2> err; status=$?
[[ $status == 2 && $(cat err) == *"unknown option -x"* && $(cat err) == *usage:* ]] || fail "unknown option"
parse_args -n 2> err; status=$?
[[ $status == 2 && $(cat err) == *"option -n needs a value"* ]] || fail "missing value: $(cat err)"
parse_args -n many a 2> err; status=$?
[[ $status == 2 && $(cat err) == *"needs a number"* ]] || fail "value validated"
parse_args -v 2> err; status=$?
[[ $status == 2 && $(cat err) == *"no FILE given"* ]] || fail "operand required"

out=$(parse_args -h a); status=$?
[[ $status == 0 && $out == usage:* ]] || fail "-h prints usage and exits 0"

# A second call parses from the start again (local OPTIND).
parse_args -v a && parse_args -n 7 b || fail "repeat calls"
[[ $VERBOSE == 0 && $COUNT == 7 && ${FILES[*]} == b ]] || fail "state reset between calls"
echo ok
