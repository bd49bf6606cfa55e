set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }

# run_script BODY: runs BODY as a strict-mode script; sets out, err and status.
run_script() {
  printf 'source ./pattern.sh\nenable_strict_mode\n%s\n' "$1" > script.sh
  out=$(bash script.sh 2> err.txt)
  status=$?
  err=$(cat err.txt)
}

run_script $'echo before\nfalse\necho after'
[[ $status == 1 && $out == before ]] || fail "stops at a failing command (status $status, out '$out')"
[[ $err == *"line 4: 'false' failed with status 1"* ]] || fail "reports command and line, got: $err"

run_script $'echo "$UNDEFINED_THING"\necho after'
[[ $status != 0 && -z $out && $err == *"UNDEFINED_THING: unbound variable"* ]] || fail "unset variable is an error, got: $err"
run_script $'echo "${OPTIONAL:-default}"'
[[ $status == 0 && $out == default ]] || fail "defaults still work"

run_script $'grep nomatch /dev/null | sort\necho after'
[[ $status == 1 && -z $out ]] || fail "pipefail: a failing first stage fails the pipeline"

run_script $'x=$(false; echo inside)\necho "after $x"'
[[ $status != 0 && -z $out ]] || fail "inherit_errexit: command substitution stops at its failure, got '$out'"

run_script $'f() { false; echo "still running"; }\nif f; then echo condition; fi'
[[ $status == 0 && $out == $'still running\ncondition' ]] || fail "documented pitfall: no -e inside a condition"

run_script $'f() { local x=$(false); echo "masked"; }\nf'
[[ $out == masked ]] || fail "documented pitfall: local hides the status"

run_script $'die "config missing" 4\necho after'
[[ $status == 4 && -z $out && $err == *"config missing"* ]] || fail "die exits with the status and message"
echo ok
