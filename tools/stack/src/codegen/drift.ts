import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedFile {
  file: string;
  content: string;
}

/** Files whose committed content differs from what the generators produce now. */
export function staleFiles(files: GeneratedFile[]): string[] {
  return files.filter(({ file, content }) => !existsSync(file) || readFileSync(file, 'utf8') !== content).map(({ file }) => file);
}

export function writeFiles(files: GeneratedFile[]): void {
  for (const { file, content } of files) {
    mkdirSync(path.dirname(file), { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) writeFileSync(file, content);
  }
}

/** Files in the generated folders that no generator produces any more (left behind by a removal). */
export function orphanFiles(folders: readonly string[], files: GeneratedFile[]): string[] {
  const produced = new Set(files.map(({ file }) => file));
  return folders
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => path.join(folder, name)))
    .filter((file) => !produced.has(file) && /\.tsx?$/.test(file));
}

export function removeFiles(files: readonly string[]): void {
  for (const file of files) rmSync(file);
}
