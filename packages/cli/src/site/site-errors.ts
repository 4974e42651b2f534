import { type ArgsOf, defineCatalogue, messageOf, type Problem, ScorebookError } from '@scorebook/problems';

/** Why `site build` or `site serve` refused to go on. Codes are permanent. */
export const SITE_ERRORS = defineCatalogue({
  SITE_OUT_NOT_A_SITE: {
    zh: (p: { dir: string; marker: string }) =>
      `${p.dir} 已存在且不是之前生成的报告网站(没有标记文件 ${p.marker}),不会覆盖。请用 --out 指定一个新的或空的文件夹,或之前 site build 生成的文件夹。`,
    en: (p: { dir: string; marker: string }) =>
      `${p.dir} exists and is not a site an earlier build made (it has no marker file ${p.marker}), so it is left alone. Give --out a new or empty folder, or one that site build made before.`,
  },
  SITE_OUT_HOLDS_RESULTS: {
    zh: (p: { dir: string; results: string }) =>
      `--out ${p.dir} 包含结果文件夹 ${p.results},替换它会删除结果。请把网站生成到别处。`,
    en: (p: { dir: string; results: string }) =>
      `--out ${p.dir} holds the results folder ${p.results}; replacing it would delete the results. Build the site somewhere else.`,
  },
  SITE_NOT_INSTALLED: {
    zh: (p: { name: string; from: string }) =>
      `没有找到 ${p.name}(从 ${p.from} 查找),安装不完整。请在仓库根目录运行 npm install。`,
    en: (p: { name: string; from: string }) =>
      `${p.name} is not installed (looked from ${p.from}). Run npm install at the repository root.`,
  },
  SITE_BUILD_FAILED: {
    zh: (p: { code: string; output: string }) =>
      `astro build 失败(退出码 ${p.code}),--out 中原有的内容保持不变。Astro 最后的输出:\n${p.output}`,
    en: (p: { code: string; output: string }) =>
      `astro build exited with ${p.code}; what --out held is left as it was. The last of Astro's output:\n${p.output}`,
  },
  SITE_BUILD_BUSY: {
    zh: (p: { lock: string }) =>
      `这个 Scorebook 副本中另一个 site build 已运行了 15 分钟以上,仍未结束(锁文件 ${p.lock}):Astro 的构建文件在网站应用自己的文件夹里,两次构建不能同时进行。请等它结束后再运行;--out 中原有的内容保持不变。`,
    en: (p: { lock: string }) =>
      `Another site build of this Scorebook checkout has not ended after 15 minutes of waiting (lock file ${p.lock}): Astro keeps its build's files in the site app's own folder, so two builds cannot run at once. Run it again once that one ends; what --out held is left as it was.`,
  },
  SITE_PERIOD_INTERRUPTED: {
    zh: (p: { period: string; aside: string; target: string }) =>
      `期间 ${p.period} 的一次发布被中断,已发布的内容完整地保存在 ${p.aside}。网站不会缺少一个已发布的期间:请先再次运行 publish(会自动放回),或手动放回:mv ${p.aside} ${p.target},然后再生成网站。`,
    en: (p: { period: string; aside: string; target: string }) =>
      `A publish of ${p.period} was interrupted; what is published waits, whole, in ${p.aside}. The site will not leave out a published period: run publish again (it puts it back), or move it back by hand: mv ${p.aside} ${p.target}, then build the site.`,
  },
  SITE_PORT_IN_USE: {
    zh: (p: { port: string; other: string }) =>
      `端口 ${p.port} 已被占用(也许另一个 site serve 或 demo 还在运行)。请先停止它,或换一个端口:--port ${p.other}。`,
    en: (p: { port: string; other: string }) =>
      `Port ${p.port} is in use (another site serve or demo still running, perhaps). Stop it, or choose another port: --port ${p.other}.`,
  },
  SITE_NOT_BUILT: {
    zh: (p: { dir: string }) =>
      `${p.dir} 不是已生成的报告网站(缺少 index.html)。请先运行 scorebook site build。`,
    en: (p: { dir: string }) =>
      `${p.dir} is not a built report site (it has no index.html). Run scorebook site build first.`,
  },
});

/** A key of {@link SITE_ERRORS}. */
export type SiteErrorCode = keyof typeof SITE_ERRORS;

/** The error that stops a site command: one problem about the folder `dir`. */
export function siteRefusal<K extends SiteErrorCode>(
  code: K,
  dir: string,
  ...args: ArgsOf<(typeof SITE_ERRORS)[K]>
): ScorebookError {
  const problem: Problem = {
    code,
    severity: 'error',
    message: messageOf(SITE_ERRORS, code, ...args),
    file: dir,
    line: null,
    column: null,
  };
  return new ScorebookError('refused', [problem]);
}
