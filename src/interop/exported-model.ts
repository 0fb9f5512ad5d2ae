/**
 * A model written in another format: its files by name. `folder`: the files go into a folder
 * (TF.js' model.json and shards); `file`: one file, `files` holding a single entry.
 */
export interface ExportedModel {
  readonly format: string;
  readonly layout: 'folder' | 'file';
  readonly files: ReadonlyMap<string, Uint8Array>;
}
