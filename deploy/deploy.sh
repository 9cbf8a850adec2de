#!/usr/bin/env bash
# Atomic deploys with rollback for the static site.
#
#   deploy/deploy.sh deploy <dist-dir>   copy, verify, check links, switch, smoke-test (rolls back on failure)
#   deploy/deploy.sh verify <dist-dir>   only the checks before a copy: a whole build, made for a public address
#   deploy/deploy.sh rollback            switch back to the previous release
#   deploy/deploy.sh status              list releases, marking the live one
#
# DEPLOY_ROOT (default /srv/yishu) holds releases/<id>/ and the symlink current -> releases/<id>.
# BASE_URL (default http://127.0.0.1) is where the smoke test reaches the site. KEEP (default 5)
# releases are kept. A build made without a public address (a local preview: QR codes say
# 未设置网址, canonical links point at localhost) is refused; YISHU_ALLOW_PREVIEW_DEPLOY=1 lets
# one through, only for trying deploy.sh itself on one machine.
set -euo pipefail

ROOT="${DEPLOY_ROOT:-/srv/yishu}"
BASE_URL="${BASE_URL:-http://127.0.0.1}"
KEEP="${KEEP:-5}"
HERE="$(cd "$(dirname "$0")" && pwd)"
RELEASES="$ROOT/releases"
CURRENT="$ROOT/current"

say() { printf '%s\n' "$*" >&2; }

live_release() { [ -L "$CURRENT" ] && basename "$(readlink "$CURRENT")" || true; }

# Releases in deploy order (their ids start with the UTC time of the deploy), oldest first.
releases() { ls -1 "$RELEASES" 2>/dev/null | sort; }

# Points current at a release in one rename: readers see the old or the new release, never a
# mix. (ln -sfn unlinks, then links: for a moment there is no site.)
switch_to() {
  local target="$RELEASES/$1"
  ln -s "$target" "$ROOT/.current.new"
  mv -T "$ROOT/.current.new" "$CURRENT"
}

smoke_test() {
  local path
  for path in / /measures/1-1/ /ledger/ /stats/ /search/ /pagefind/pagefind.js /kiosk/tv-1080p/ /version.json; do
    if ! curl -fsS -o /dev/null --max-time 10 "$BASE_URL$path"; then
      say "冒烟测试失败：$BASE_URL$path"
      return 1
    fi
  done
  # The live site must now report the new build.
  curl -fsS --max-time 10 "$BASE_URL/version.json" | grep -q "\"build\":\"$1\"" || { say "冒烟测试失败：/version.json 不是新版本 $1"; return 1; }
}

prune() {
  local live old
  live="$(live_release)"
  # Newest first; keep KEEP releases, never the live one.
  for old in $(releases | head -n -"$KEEP"); do
    [ "$old" = "$live" ] || rm -rf "${RELEASES:?}/$old"
  done
}

# The public address the build was made for (version.json "site"), empty for a preview build.
build_address() { sed -n 's/.*"site":"\([^"]*\)".*/\1/p' "$1/version.json"; }

cmd_verify() {
  local dist="${1:?用法：deploy.sh verify <dist 目录>}" site
  [ -f "$dist/manifest.sha256" ] || { say "$dist 中没有 manifest.sha256：请用 npm run build 构建"; exit 1; }
  [ "${YISHU_ALLOW_PREVIEW_DEPLOY:-}" = 1 ] && return 0
  site="$(build_address "$dist")"
  case "$site" in
    '' | http://localhost* | https://localhost* | http://127.* | https://127.* | http://\[::1\]* | https://\[::1\]* | http://0.0.0.0* | https://0.0.0.0*)
      say "拒绝发布：$dist 是没有公开网址的预览构建（二维码显示“未设置网址”，分享链接指向本机）。"
      say "请在 src/content/settings/site.yaml 填写 url（例如 url: https://dj.example.gov.cn/），或设置环境变量 SITE_URL，再运行 npm run build。"
      exit 1
      ;;
  esac
}

cmd_deploy() {
  local dist="${1:?用法：deploy.sh deploy <dist 目录>}"
  cmd_verify "$dist"
  local build id previous
  build="$(sed -n 's/.*"build":"\([0-9a-f]*\)".*/\1/p' "$dist/version.json")"
  # Sortable by deploy time, to the nanosecond: two deploys within a second keep their order.
  id="$(date -u +%Y%m%dT%H%M%S.%NZ)-$build"
  mkdir -p "$RELEASES"
  previous="$(live_release)"

  # Links shared in chat groups must keep working.
  if [ -n "$previous" ] && [ -f "$RELEASES/$previous/routes.txt" ]; then
    node "$HERE/../scripts/check-routes.ts" "$RELEASES/$previous/routes.txt" "$dist"
  fi

  cp -a "$dist" "$RELEASES/.incoming-$id"
  (cd "$RELEASES/.incoming-$id" && sha256sum -c --quiet --strict manifest.sha256) || { say "复制后的文件与清单不符，已放弃"; rm -rf "$RELEASES/.incoming-$id"; exit 1; }
  mv "$RELEASES/.incoming-$id" "$RELEASES/$id"

  switch_to "$id"
  if ! smoke_test "$build"; then
    if [ -n "$previous" ]; then
      switch_to "$previous"
      say "已自动回滚到 $previous"
    fi
    exit 1
  fi
  prune
  say "已发布 $id"
}

cmd_rollback() {
  local live previous
  live="$(live_release)"
  # The release deployed just before the live one.
  previous="$(releases | awk -v live="$live" '$0 == live { print prev; exit } { prev = $0 }')"
  [ -n "$previous" ] || { say "没有可回滚的版本"; exit 1; }
  switch_to "$previous"
  say "已回滚：$live -> $previous"
}

cmd_status() {
  local live r
  live="$(live_release)"
  for r in $(releases); do
    if [ "$r" = "$live" ]; then echo "* $r"; else echo "  $r"; fi
  done
}

case "${1:-}" in
  deploy) shift; cmd_deploy "$@" ;;
  verify) shift; cmd_verify "$@" ;;
  rollback) cmd_rollback ;;
  status) cmd_status ;;
  *) say "用法：deploy.sh deploy <dist> | verify <dist> | rollback | status"; exit 2 ;;
esac
