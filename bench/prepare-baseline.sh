#!/usr/bin/env bash
# Builds a baseline of the library for side-by-side benchmarks and prints its directory:
#   npm run bench -- --baseline "$(bench/prepare-baseline.sh <git ref>)"
# The ref is checked out as a git worktree under the system temp dir, with this checkout's node_modules linked
# (same cdk8s, cdk8s-plus-27 and TypeScript), and compiled with its own projen compile task.
set -euo pipefail
ref="${1:?usage: bench/prepare-baseline.sh <git ref>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${TMPDIR:-/tmp}/golden-paths-baseline-$(git -C "$root" rev-parse --short "$ref")"
if [ ! -d "$dir" ]; then
  git -C "$root" worktree add --detach "$dir" "$ref" >&2
  ln -s "$root/node_modules" "$dir/node_modules"
fi
# versions before the layered architecture copied the schema in post-compile only
(cd "$dir" && npx projen compile >&2 && if [ -d src/validation/schema ]; then mkdir -p lib/validation/schema && cp src/validation/schema/*.json lib/validation/schema/; fi)
echo "$dir"
