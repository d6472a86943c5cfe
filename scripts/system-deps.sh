#!/usr/bin/env bash
# System packages the tests use, installed when missing: Chromium, for the browser test of the
# OAuth sign-in page, and redis-server, which the @repo/store tests start on loopback. Installs
# with apt-get when it can (root on Debian/Ubuntu, as in CI); on other machines it says what to
# install and carries on (the tests that need it then fail, saying so).
set -u
need=()
[ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing ${need[*]} with apt-get"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null || {
    echo "apt-get could not install ${need[*]}" >&2
    exit 1
  }
else
  echo "note: install ${need[*]} to run the tests that need it (CHROMIUM_PATH may name a Chromium)" >&2
fi
