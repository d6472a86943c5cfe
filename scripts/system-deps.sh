#!/usr/bin/env bash
# System packages the tests use, installed when missing: Chromium, for the browser test of the
# OAuth sign-in page. Installs with apt-get when it can (root on Debian/Ubuntu, as in CI); on
# other machines it says what to install and carries on (the browser test then says it too).
set -u
need=()
[ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing ${need[*]} with apt-get"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null || {
    echo "apt-get could not install ${need[*]}" >&2
    exit 1
  }
else
  echo "note: install ${need[*]} (or set CHROMIUM_PATH) to run the browser tests" >&2
fi
