# Install Debian's Chromium for the browser tests (tests/web/test_browser.py) when it is missing.
# Idempotent: does nothing when /usr/bin/chromium is there. Never downloads a browser of its own.
if [ ! -x /usr/bin/chromium ]; then
  echo "ci: installing Chromium with apt for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
