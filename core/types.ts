/**
 * The domain model shared by ingest, store, answering, the bot and digests.
 * Dates are ISO calendar dates ("2026-06-30") in Vietnam time (UTC+7, no DST).
 */

export const DOC_KINDS = [
  "ket_luan", "nghi_quyet", "chi_thi", "thong_bao", "cong_dien", "quyet_dinh", "ke_hoach",
  "huong_dan", "quy_dinh", "cong_van", "chuong_trinh", "bao_cao",
  // Legal documents ("Thông tư liên tịch" before "Thông tư": kindFromWords reads a label's prefix).
  "nghi_dinh", "thong_tu_lien_tich", "thong_tu", "luat", "news", "other",
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** How each kind is written in Vietnamese (for citations and cards). */
export const DOC_KIND_LABELS: Record<DocKind, string> = {
  ket_luan: "Kết luận", nghi_quyet: "Nghị quyết", chi_thi: "Chỉ thị", thong_bao: "Thông báo",
  cong_dien: "Công điện", quyet_dinh: "Quyết định", ke_hoach: "Kế hoạch", huong_dan: "Hướng dẫn",
  quy_dinh: "Quy định", cong_van: "Công văn", chuong_trinh: "Chương trình", bao_cao: "Báo cáo",
  nghi_dinh: "Nghị định", thong_tu_lien_tich: "Thông tư liên tịch", thong_tu: "Thông tư", luat: "Luật",
  news: "Tin bài", other: "Văn bản",
};

/**
 * A span of time as parsed from text. `range` has start/end (inclusive ISO dates); `ongoing`
 * ("thường xuyên") and `recurring` ("hằng quý", "định kỳ") have none.
 */
export interface Period {
  /** The words as written: "quý II/2026", "trước ngày 30/11/2025". */
  text: string;
  /** "duration": a time limit counted from an event ("trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ"), no dates. */
  kind: "range" | "ongoing" | "recurring" | "duration";
  /** First day, ISO; absent for ongoing/recurring or an open start ("trước ngày ..."). */
  start?: string;
  /** Last day, ISO: the due date of a deadline. */
  end?: string;
  /** A canonical short label: "Q2/2026", "08/2025", "2025", "2026-2030", "≤2025-11-30". */
  label?: string;
}

export interface DocumentMeta {
  kind: DocKind;
  /** "229-KL/TW", "634/TB-VPCP"; absent when the text gives none. */
  number?: string;
  issuer?: string;
  /** Date of issue, ISO. */
  date?: string;
  /** "về thực hiện một số nội dung, nhiệm vụ trọng tâm ..." or a news headline. */
  title?: string;
  /** The period the document covers, when its title names one (quý II/2026). */
  period?: Period;
  signer?: string;
  /**
   * Offsets in the cleaned text where cleaning dropped a line of text between kept text (ingest/clean.ts):
   * no quote runs across one (core/seams.ts). Set by ingest, not read from the text. It lives in the
   * metadata because the metadata is what reaches every citation with each chunk and task the store
   * hands out (qa/cite.ts), with no column or search read to change; absent when there are none and in
   * documents stored before seams were kept, whose quotes are then shown as before.
   */
  seams?: number[];
}

/** A numbered part of a document, as a reader would cite it. Offsets index the cleaned text. */
export interface Section {
  /** Position in document order, 0-based; parents come before children. */
  index: number;
  parent: number | null;
  depth: number;
  /** The label alone: "3", "(ii)", "II", "4.1", "a)", "¶5" for a news paragraph. */
  marker: string;
  /** The full label a citation shows: "3 (ii)", "II.1", "¶5". */
  label: string;
  /** Text before the first child (the lead-in, e.g. "Giao Ban Tổ chức Trung ương:"). */
  heading: string;
  start: number;
  end: number;
}

/** A piece of text to index. A chunk never straddles two sections. */
export interface ChunkDraft {
  section: number;
  start: number;
  end: number;
  text: string;
  /** Where the chunk sits, prepended when embedding: document title and section heading path. */
  context: string;
}

export type Role = "lead" | "coordinate" | "execute";

export interface Deadline {
  /** The words as written: "trong tháng 9/2025", "Thường xuyên", "6/2025". */
  text: string;
  kind: Period["kind"];
  start?: string;
  /** Last day, ISO. */
  due?: string;
}

/** One body's part in one task. A task naming several bodies yields one record per body. */
export interface AssignmentDraft {
  /** Canonical organisation id from the registry, or null for an unknown body (kept as written). */
  orgId: string | null;
  /** Canonical name (registry) or the words as written for unknown bodies. */
  org: string;
  /** The words the text uses for this body. */
  orgText: string;
  role: Role;
  /** Other bodies named with the task (canonical names). */
  coordinators: string[];
  /** The task, a verbatim span of the document. */
  task: string;
  deadline?: Deadline;
  /** The deadline's period, or else the document's period. */
  period?: Period;
  /** Index of the section the task sits in. */
  section: number;
  /** The span a citation shows (the item or sentence), as offsets into the cleaned text. */
  quoteStart: number;
  quoteEnd: number;
}

/** A document ready to store: text, structure, chunks and assignments. */
export interface DocumentDraft {
  /** File base name: the `doc` of a citation. */
  name: string;
  /** Absolute path of the source file. */
  path: string;
  /** sha256 of the file's bytes. */
  hash: string;
  format: "txt" | "md" | "docx" | "pdf" | "html";
  /** Cleaned text; every offset and every quote refers to it. */
  text: string;
  meta: DocumentMeta;
  sections: Section[];
  chunks: ChunkDraft[];
  assignments: AssignmentDraft[];
  /** A PDF's page map: pages[i] is the offset in `text` where page i + 1 starts (an empty page starts
   *  where the next one does). Absent for texts without pages. */
  pages?: number[];
}

/** A citation: the document, the section as it writes it, and a verbatim quote. */
export interface Citation {
  doc: string;
  title: string;
  section: string;
  quote: string;
  kind?: DocKind;
  number?: string;
  date?: string;
  /** The page of a PDF the quote starts on (1-based), and the last one when it runs over a page break. */
  page?: number;
  pageEnd?: number;
  /**
   * Where the quote is in the store: the document's id and the index of the section the citation names,
   * set by the answerer (qa/cite.ts) so that the bot opens the section (📖 Nguyên văn) without looking the
   * document up again. Internal: not part of the `ask --jsonl` contract, which leaves them out.
   */
  docId?: number;
  sectionIndex?: number;
}

/** A task's states (core/status.ts follows them); here, with no imports, so that the CLI can name them in its help. */
export const TASK_STATES = ["todo", "doing", "done"] as const;
export type TaskState = (typeof TASK_STATES)[number];
