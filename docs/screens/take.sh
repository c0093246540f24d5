#!/bin/sh
# Takes a 390 px Japanese screenshot of every page of Kyodo (the registry kyodo.wallet.browser.Pages) into
# docs/screens/<page>.png and writes the index docs/screens/README.md: EveryPageBrowserTest's screenshot test, with
# the fixtures it creates through the services, in headless Chromium (./test installs it). Run from anywhere.
set -eu
cd "$(dirname "$0")/../.."
exec ./mvnw -B -pl wallet-web -am verify \
  -Dtest='EveryPageBrowserTest#aReaderSeesEveryPageAt390PixelsInJapanese' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkyodo.screens="$PWD/docs/screens" "$@"
