/** What an ingest run reports, per file and in total (the CLI's summary and `--json`). */
export type FileStatus = "new" | "updated" | "unchanged" | "failed" | "removed";

export interface FileResult {
  path: string;
  name: string;
  status: FileStatus;
  docId?: number;
  sections?: number;
  chunks?: number;
  assignments?: number;
  /** For failures: an error code and a plain English message. */
  error?: { code: string; message: string };
}

export interface IngestSummary {
  files: FileResult[];
  counts: Record<FileStatus, number>;
  sections: number;
  chunks: number;
  assignments: number;
  seconds: number;
}

/** How an ingest run reports and what it may remove (the app and the bot pass these through). */
export interface IngestOptions {
  /** Remove stored documents under the given folders whose files are gone. */
  prune?: boolean;
  /** Called after each file (progress bars, bot replies). */
  onFile?: (done: number, total: number, name: string) => void;
  /** Called after each page OCR reads in a scan or image (done of the file's scanned pages). */
  onPage?: (done: number, total: number, name: string) => void;
}
