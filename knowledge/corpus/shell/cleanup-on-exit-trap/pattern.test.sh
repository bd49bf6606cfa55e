set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }
export TMPDIR=$PWD

# run BODY: runs BODY in a child bash that sourced the pattern; sets out and status.
run() {
  out=$(bash -c "source ./pattern.sh; $1" 2>&1)
  status=$?
}

run 'make_temp_dir d; touch "$d/file"; echo "$d" > path'
[[ $status == 0 && -s path && ! -e $(cat path) ]] || fail "removed at a normal end"

run 'make_temp_dir d; echo "$d" > path; exit 3'
[[ $status == 3 && ! -e $(cat path) ]] || fail "removed on exit 3, status kept (got $status)"

run 'set -e; make_temp_dir d; echo "$d" > path; false; echo unreachable'
[[ $status == 1 && $out != *unreachable* && ! -e $(cat path) ]] || fail "removed when set -e stops the script"

run 'make_temp_dir d; echo "$d" > path; kill -TERM $$; sleep 5'
[[ $status == 143 && ! -e $(cat path) ]] || fail "removed when terminated (status $status)"
run 'make_temp_dir d; echo "$d" > path; kill -INT $$; sleep 5'
[[ $status == 130 && ! -e $(cat path) ]] || fail "removed on Ctrl-C (status $status)"

run 'on_exit echo first; on_exit echo second; echo body'
[[ $out == $'body\nsecond\nfirst' ]] || fail "actions run newest first, got: $out"

touch 'a file with spaces' '$HOME'
run 'on_exit rm -f -- "a file with spaces" "\$HOME"; on_exit false; on_exit echo "\$(touch pwned)"'
[[ ! -e 'a file with spaces' && ! -e '$HOME' ]] || fail "arguments are quoted"
[[ ! -e pwned && $out == '$(touch pwned)' ]] || fail "arguments are not evaluated twice, got: $out"

# The documented pitfall: inside $(...) the directory is gone as soon as the subshell ends.
run 'd=$(make_temp_dir x; echo "$x"); [[ -e $d ]] && echo exists || echo gone'
[[ $out == gone ]] || fail "subshell pitfall, got: $out"
echo ok
