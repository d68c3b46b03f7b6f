#!/bin/sh
# Format checks for the gazetteers and lexicons (see ../SOURCES.md). Usage: sh data/tools/check.sh
exec node "$(dirname "$0")/check.js"
