#!/usr/bin/env bash
# jianghua installed into another project without the registry's copy of it: from an `npm pack`
# tarball and from a git URL, then the README's CI command run there. Each install builds nodejieba
# from source (a few minutes), which is why this runs in .ci/run and not in npm test.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

check_consumer() { # check_consumer DIR LABEL
  local dir="$1" label="$2"
  cd "$dir"
  mkdir -p drafts
  printf '同志们：\n过去一年,全县党建工作取得新成效。\n' > drafts/讲话.txt
  npx --no-install jianghua --version
  set +e
  npx --no-install jianghua lint drafts --format github --max-warnings 0 > lint.out 2>&1
  local code=$?
  set -e
  cat lint.out
  # one half-width comma: a warning over --max-warnings 0, reported as a GitHub annotation
  [ "$code" = 1 ] || { echo "FAILED ($label): lint exit $code, expected 1"; exit 1; }
  grep -q '^::warning file=drafts/讲话.txt,line=2,col=5' lint.out || { echo "FAILED ($label): no annotation"; exit 1; }
  printf '同志们，\n' | npx --no-install jianghua lint --stdin --format json > stdin.out || true
  grep -q '"filePath":"<stdin>"' stdin.out || { echo "FAILED ($label): --stdin"; exit 1; }
  echo "ok: installed from $label and linted"
}

no_engine_warning() { # no_engine_warning LOG LABEL
  if grep -q EBADENGINE "$1"; then echo "FAILED ($2): npm printed an engine warning"; grep -A3 EBADENGINE "$1"; exit 1; fi
}

# 1. the tarball npm pack makes (what a release would publish)
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -1)"
mkdir "$work/from-tarball"
cd "$work/from-tarball" && npm init -y > /dev/null
npm install --no-audit --no-fund "$work/$tarball" 2>&1 | tee install.log
no_engine_warning install.log tarball
check_consumer "$work/from-tarball" tarball

# 2. a git URL (this checkout's HEAD): npm clones it and runs its prepare script (the build)
mkdir "$work/from-git"
cd "$work/from-git" && npm init -y > /dev/null
npm install --no-audit --no-fund "git+file://$repo" 2>&1 | tee install.log
no_engine_warning install.log git
check_consumer "$work/from-git" 'git URL'
