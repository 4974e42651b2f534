#!/usr/bin/env bash
# The review of a policy pull request as one Markdown document on stdout: validation, the policy
# tests, the meaning-level diff of every changed version and the impact on the last closed period.
# Exits 1 when any of them failed (each is still shown). Usage: .ci/policy-review.sh <base ref>
# Runs the same locally: bash .ci/policy-review.sh main. SCOREBOOK overrides the command (tests).
set -uo pipefail
base="${1:?usage: .ci/policy-review.sh <base ref>}"
read -r -a scorebook <<< "${SCOREBOOK:-npx scorebook}"
failed=0

# Runs a command; prints its output as a code block (or as Markdown with --markdown) and notes a failure.
show() {
  local markdown=0
  if [ "$1" = "--markdown" ]; then markdown=1; shift; fi
  local out code
  out=$("$@" 2>&1)
  code=$?
  if [ "$markdown" -eq 1 ] && [ "$code" -eq 0 ]; then printf '%s\n' "$out"; else printf '```\n%s\n```\n' "$out"; fi
  if [ "$code" -ne 0 ]; then
    failed=1
    printf '\n**✗ 失败 / failed (exit %d):** `%s`\n' "$code" "$*"
  fi
}

echo '<!-- scorebook-policy-review -->'
echo '## 策略变更审查 / Policy review'
printf '\n### 校验 / Validation\n\n'
show "${scorebook[@]}" validate configs/policies/*/
printf '\n### 策略测试 / Policy tests\n\n'
show "${scorebook[@]}" test configs/policies/*/
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for dir in configs/policies/*/; do
  dir=${dir%/}
  printf '\n### 含义差异 / Meaning-level diff: `%s`\n\n' "$dir"
  changed=0
  while IFS= read -r file; do
    [ -n "$file" ] || continue
    name=$(basename "$file")
    if [ ! -e "$file" ]; then
      printf -- '- 删除的版本 / removed version: `%s`\n' "$file"; changed=1
    elif ! git cat-file -e "$base:$file" 2>/dev/null; then
      printf -- '- 新版本 / new version: `%s`\n' "$file"; changed=1
    else
      git show "$base:$file" > "$scratch/$name"
      if ! cmp -s "$scratch/$name" "$file"; then
        show --markdown "${scorebook[@]}" diff "$scratch/$name" "$file" --format markdown; changed=1
      fi
    fi
  done < <( { git ls-tree --name-only "$base" -- "$dir/" 2>/dev/null; ls "$dir"/*.yaml "$dir"/*.yml 2>/dev/null; } | grep -E '\.ya?ml$' | sort -u)
  [ "$changed" -eq 1 ] || echo '没有版本文件改变 / no version file changed.'
  printf '\n'
  show --markdown "${scorebook[@]}" impact --base "$base" --policies "$dir" --format markdown
done
exit "$failed"
