import { fold } from "./text.js";

/** Compares section labels the way people type them: "3 (ii)", "3(ii)", "mục 3 (ii)", "3.ii" are one label. */
export function sectionKey(label: string): string {
  return fold(label)
    .replace(/^(muc|khoan|diem|section|item)\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function findSectionByLabel<S extends { label: string }>(sections: S[], label: string): S | undefined {
  const key = sectionKey(label);
  return sections.find((s) => sectionKey(s.label) === key);
}
