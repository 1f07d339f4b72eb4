/** Types for hardcoded-strings.mjs (the scanner of user-visible text left out of the catalogues). */
export type Finding = { file: string; line: number; column: number; kind: string; text: string }
export type AllowEntry = { text: string; reason: string }
export type ScanOptions = {
  /** Texts that stay as they are in every language, each with its reason (defaults to DEFAULT_ALLOW). */
  allow?: AllowEntry[]
  /** JSX attributes whose text is shown (defaults to USER_FACING_ATTRIBUTES). */
  attributes?: string[]
  /** Object properties whose literal text is shown (defaults to TEXT_OBJECT_PROPERTIES). */
  objectProperties?: string[]
  /** Folder the given folders (and reported paths) are relative to; defaults to the working directory. */
  root?: string
  /** Skips a file by its path relative to root (catalogues, generated code). */
  exclude?: (relativePath: string) => boolean
}
export declare const USER_FACING_ATTRIBUTES: string[]
export declare const TEXT_PROPERTIES: string[]
export declare const TEXT_OBJECT_PROPERTIES: string[]
export declare const TEXT_ATTRIBUTE_NAMES: string[]
export declare const SINK_CALLS: { callee: RegExp; args?: number[]; props?: string[] }[]
export declare const DEFAULT_ALLOW: AllowEntry[]
export declare function scanSource(sourceText: string, fileName?: string, options?: ScanOptions): Finding[]
export declare function scanFolders(folders: string[], options?: ScanOptions): Finding[]
export declare function formatFindings(findings: Finding[]): string
