/** The last part of a path, after its last `/` or `\`: how results and explanations name a policy file. */
export function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
