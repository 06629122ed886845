#!/usr/bin/env bash
# Installs Debian's Chromium for the docs site's browser test (examples/docs-site), which drives it
# with playwright-core: Playwright's own browser download cannot run here (no network but the
# package registries), Debian's package can. Does nothing when /usr/bin/chromium is there already.
# Uses sudo only when not root. Run by .ci/run before the quick-start commands.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "install-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) is installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get on this machine; install Chromium so that /usr/bin/chromium exists," >&2
  echo "  or the docs site's browser test is skipped" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "install-chromium: installed $(/usr/bin/chromium --version)"
