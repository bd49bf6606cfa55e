set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }

printf 'path=/usr/local/bin\nother=/usr/local/bin:/usr/local/bin\nregex=a.b axb [x] *\n' > 'my config.txt'
replace_in_files /usr/local/bin '/opt/my & your\app' 'my config.txt' || fail "status"
[[ $(cat 'my config.txt') == $'path=/opt/my & your\\app\nother=/opt/my & your\\app:/opt/my & your\\app\nregex=a.b axb [x] *' ]] \
  || fail "slashes, & and backslash taken literally, every occurrence: $(cat 'my config.txt')"

replace_in_files 'a.b' 'A' 'my config.txt'
grep -q '^regex=A axb \[x\] \*$' 'my config.txt' || fail ". is not a wildcard: $(tail -1 'my config.txt')"
replace_in_files '[x] *' 'Y^$' 'my config.txt'
grep -q '^regex=A axb Y^\$$' 'my config.txt' || fail "brackets, star, ^ and \$ literal: $(tail -1 'my config.txt')"

echo 'nothing here' > untouched.txt
touch -d '2001-01-01' untouched.txt
replace_in_files 'absent' 'x' untouched.txt
[[ $(date -r untouched.txt +%Y) == 2001 ]] || fail "files without a match are not rewritten"

replace_in_files '' x untouched.txt 2>/dev/null; [[ $? == 2 ]] || fail "empty FROM rejected"
replace_in_files x 2>/dev/null; [[ $? == 2 ]] || fail "missing arguments rejected"

mkdir -p 'tree/sub dir' tree/.git
echo 'host: old.example.com' > 'tree/sub dir/app.yml'
echo 'host: old.example.com' > tree/top.yml
echo 'old.example.com' > tree/notes.txt
echo 'old.example.com' > tree/.git/config.yml
printf 'old.example.com\0binary' > tree/data.yml
replace_in_tree old.example.com new.example.com tree '*.yml' || fail "tree status"
[[ $(cat 'tree/sub dir/app.yml') == 'host: new.example.com' && $(cat tree/top.yml) == 'host: new.example.com' ]] || fail "tree replaced"
[[ $(cat tree/notes.txt) == old.example.com ]] || fail "glob limits the files"
[[ $(cat tree/.git/config.yml) == old.example.com ]] || fail ".git skipped"
grep -qa old.example.com tree/data.yml || fail "binary files skipped"
replace_in_tree nowhere x tree || fail "no matching files is fine"
echo ok
