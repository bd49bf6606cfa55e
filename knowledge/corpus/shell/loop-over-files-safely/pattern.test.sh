set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p 'root dir/sub [1]/deeper' 'root dir/.hidden-dir'
touch 'root dir/a b.txt' $'root dir/new\nline.txt' 'root dir/-rf.txt' 'root dir/star*.txt' \
      'root dir/sub [1]/c.txt' 'root dir/sub [1]/deeper/d.txt' 'root dir/notes.md' \
      'root dir/.hidden.txt' 'root dir/.hidden-dir/e.txt'
mkdir 'root dir/dir.txt'   # a directory matching the glob is not a file

seen=()
collect() { seen+=("$1"); }
for_each_file 'root dir' '*.txt' collect || fail "status"
[[ ${#seen[@]} == 6 ]] || fail "expected 6 files, got ${#seen[@]}: ${seen[*]}"
printf '%s\n' "${seen[@]}" > seen.txt
for expected in 'root dir/a b.txt' 'root dir/-rf.txt' 'root dir/star*.txt' 'root dir/sub [1]/c.txt' 'root dir/sub [1]/deeper/d.txt'; do
  grep -qxF -- "$expected" seen.txt || fail "missing $expected"
done
[[ " ${seen[*]} " == *$'root dir/new\nline.txt'* ]] || fail "newline in name"
[[ ${seen[*]} != *hidden* && ${seen[*]} != *notes.md* && ${seen[*]} != *dir.txt* ]] || fail "hidden, other names and directories skipped"

# The command really gets the file: remove them all, names and all.
for_each_file 'root dir/sub [1]' '*.txt' rm -f -- || fail "rm status"
[[ ! -e 'root dir/sub [1]/c.txt' && ! -e 'root dir/sub [1]/deeper/d.txt' ]] || fail "files removed"

# No match: the command never runs (no literal '*.csv').
seen=()
for_each_file 'root dir' '*.csv' collect || fail "no match is success"
[[ ${#seen[@]} == 0 ]] || fail "no runs without matches: ${seen[*]}"

# Failures are counted; the caller's shell options are restored.
only_a() { [[ $1 == *'a b.txt' ]]; }
shopt -u nullglob; shopt -s dotglob
for_each_file 'root dir' '*.txt' only_a; status=$?
[[ $status == 3 ]] || fail "three of four remaining files fail, got $status"
[[ $(shopt -p nullglob dotglob) == $'shopt -u nullglob\nshopt -s dotglob' ]] || fail "options restored: $(shopt -p nullglob dotglob)"
shopt -u dotglob

for_each_file 'no such dir' '*' collect 2>/dev/null; [[ $? == 2 ]] || fail "missing dir rejected"
for_each_file 'root dir' '*' 2>/dev/null; [[ $? == 2 ]] || fail "missing command rejected"
echo ok
