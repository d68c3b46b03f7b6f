#!/bin/sh
# The manual pages are installed and pass mandoc -Tlint at warning level.
. "${top_srcdir:-.}/tests/lib.sh"
[ -n "$MANDOC" ] && [ -x "$MANDOC" ] || MANDOC=$(command -v mandoc) || skip_all "mandoc not installed"
pages=$(ls "$top_srcdir"/man/*.[1-8])
for p in $pages; do
	out=$("$MANDOC" -Tlint -W warning "$p" 2>&1)
	if [ -z "$out" ]; then ok "mandoc -Tlint $(basename "$p")"
	else not_ok "mandoc -Tlint $(basename "$p")"; diag "$out"; fi
done
done_testing
