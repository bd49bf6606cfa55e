set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Awkward names survive intact, each item once.
printf '%s\0' 'a b' $'new\nline' '-dash' "it's" | parallel_each 2 touch -- || fail "touch status"
for name in 'a b' $'new\nline' '-dash' "it's"; do [[ -e $name ]] || fail "missing item '$name'"; done

# Runs really are concurrent: three 0.3 s sleeps in about 0.3 s.
start=$(now_ms)
printf '%s\0' 0.3 0.3 0.3 | parallel_each 3 sleep || fail "sleep status"
elapsed=$(($(now_ms) - start))
((elapsed < 600)) || fail "expected parallel runs, took ${elapsed}ms"

# One failure fails the whole, and the other items still run.
printf '%s\0' ok1 bad ok2 | parallel_each 2 sh -c 'if [ "$1" = bad ]; then exit 1; fi; touch "done-$1"' _
status=$?
[[ $status == 123 ]] || fail "expected 123 when a run fails, got $status"
[[ -e done-ok1 && -e done-ok2 ]] || fail "other items still processed"

# Empty input: nothing runs.
printf '' | parallel_each 2 touch empty-ran || fail "empty input is success"
[[ ! -e empty-ran ]] || fail "command must not run without items"

# Shell functions, with extra arguments before the item.
square() { echo $(($2 * $2)) > "$1-$2"; }
printf '%s\0' 2 3 4 | parallel_function 3 square sq || fail "function status"
[[ $(cat sq-2 sq-3 sq-4 | tr '\n' ' ') == '4 9 16 ' ]] || fail "function results: $(cat sq-* | tr '\n' ' ')"

parallel_each 0 true < /dev/null 2>/dev/null; [[ $? == 2 ]] || fail "JOBS must be positive"
parallel_each 2 < /dev/null 2>/dev/null; [[ $? == 2 ]] || fail "COMMAND required"
parallel_function 2 no_such_function < /dev/null 2>/dev/null; [[ $? == 2 ]] || fail "unknown function"
echo ok
