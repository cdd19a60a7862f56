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
