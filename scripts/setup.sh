#!/bin/sh
# Sets up a fresh machine of this kind (Debian, Node 20 + npm, no pnpm): Debian's Chromium for the
# HTML report's browser tests, tmux for the terminal UI's real-terminal test and nginx for the check of
# seams extract's gateway table when they are missing (never a test tool's own browser download), then the
# workspace, which brings its own Node 22.
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "note: install Debian's$missing (sudo apt-get install$missing) to run the browser, terminal and gateway-table tests" >&2
  fi
fi
exec npx -y --allow-scripts=pnpm pnpm@12.4.2 install --frozen-lockfile
