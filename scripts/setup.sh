#!/bin/sh
# Sets up a fresh machine of this kind (Debian, Node 20 + npm, no pnpm): Debian's Chromium for the
# HTML report's browser tests when it is missing (never a test tool's own browser download), then
# the workspace, which brings its own Node 22.
set -e
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "note: install Debian's chromium (sudo apt-get install chromium) to run the HTML report's browser tests" >&2
  fi
fi
exec npx -y --allow-scripts=pnpm pnpm@12.4.2 install --frozen-lockfile
