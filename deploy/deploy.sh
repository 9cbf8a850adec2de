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
#
# It needs only bash, coreutils, sed, grep, awk, sha256sum and curl: no Node on the server. What
# it compares and fetches comes with the build as plain lines (dist/routes.txt, dist/smoke.txt).
set -Eeuo pipefail

ROOT="${DEPLOY_ROOT:-/srv/yishu}"
BASE_URL="${BASE_URL:-http://127.0.0.1}"
KEEP="${KEEP:-5}"
RELEASES="$ROOT/releases"
CURRENT="$ROOT/current"

say() { printf '%s\n' "$*" >&2; }

# Any command that fails unexpectedly ends the run with a Chinese line naming it (set -e alone
# would leave only the tool's own English message, or nothing).
trap 'rc=$?; say "发布中断：命令“$BASH_COMMAND”失败（退出码 $rc）。deploy.sh status 列出各版本，* 为线上版本。"' ERR

for tool in curl sha256sum sed grep awk sort comm cp mv ln readlink date; do
  command -v "$tool" >/dev/null 2>&1 || { say "缺少命令 $tool：请在服务器上安装它（Debian：apt-get install curl coreutils sed grep mawk）。"; exit 1; }
done

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

# The paths to fetch are the build's own list (dist/smoke.txt: home, a measure, the ledger,
# charts, search, a display screen); a build without one is checked at its home page.
smoke_test() {
  local path paths
  paths="$(cat "$CURRENT/smoke.txt" 2>/dev/null || printf '/\n/version.json\n')"
  for path in $paths; do
    if ! curl -fsS -o /dev/null --max-time 10 "$BASE_URL$path" 2>/dev/null; then
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

# Links shared in chat groups must keep working: every path the live release answered (its
# pages and redirect sources, one a line) must be answered by the new one, as a page or a redirect.
check_routes() {
  local previous="$1" next="$2" missing count
  [ -f "$previous" ] || return 0
  [ -f "$next" ] || { say "$next 不存在：请用 npm run build 构建"; exit 1; }
  missing="$(LC_ALL=C comm -23 <(LC_ALL=C sort -u "$previous") <(LC_ALL=C sort -u "$next"))"
  [ -z "$missing" ] && return 0
  count="$(printf '%s\n' "$missing" | wc -l)"
  say "拒绝发布：以下 $count 个地址在线上版本中存在、新版本中没有，也没有转向（已转发的链接会失效）。请在 deploy/redirects.json 中加上 \"旧地址\": \"新地址\"，重新构建："
  printf '%s\n' "$missing" | sed 's/^/  /' >&2
  exit 1
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

  if [ -n "$previous" ]; then check_routes "$RELEASES/$previous/routes.txt" "$dist/routes.txt"; fi

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
