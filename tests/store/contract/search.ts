/** Contract: lexical search (folded and raw columns, pairs, filters, items of any shape) and vector search. */
import { describe, expect, it } from "vitest";
import type { Store } from "../../../store/types.js";
import { lexical, makeDraft, queryVector, saveWithVectors } from "../helpers.js";
import type { StoreFactory } from "./factory.js";

async function seeded(f: StoreFactory): Promise<{ store: Store; kl: number; tb: number }> {
  const store = await f.open();
  const kl = await saveWithVectors(store, makeDraft({
    path: "/c/kl.txt", number: "229-KL/TW", date: "2025-06-10",
    items: [
      { label: "1", text: "Tổ chức Đảng các cấp tăng cường công tác kiểm tra, giám sát." },
      { label: "2", text: "Ban Kinh tế Trung ương nghiên cứu chính sách phát triển kinh tế tư nhân." },
    ],
  }));
  const tb = await saveWithVectors(store, makeDraft({
    path: "/c/tb.txt", number: "634/TB-VPCP", kind: "thong_bao", date: "2025-07-01",
    items: [
      { label: "1", text: "Bo Y te chu tri phong chong dich benh va dang ky thuoc." },
      { label: "2", text: "Ủy ban nhân dân các tỉnh tổ chức thực hiện chuyển đổi số." },
    ],
  }));
  return { store, kl: kl.id, tb: tb.id };
}

const docOf = async (store: Store, ids: number[]) => (await store.getChunks(ids)).map((c) => c.docId);

export function searchContract(f: StoreFactory): void {
  describe(`lexical search (${f.name})`, () => {
    it("matches folded text without diacritics and raw text only with them", async () => {
      const { store, kl, tb } = await seeded(f);
      const folded = await store.searchLexical(lexical("folded", "to chuc"), {}, 10);
      expect(new Set(await docOf(store, folded.map((h) => h.chunkId)))).toEqual(new Set([kl, tb]));
      expect(folded.every((h) => h.score > 0)).toBe(true);
      expect(await store.searchLexical(lexical("raw", "to chuc"), {}, 10)).toEqual([]);
      const raw = await store.searchLexical(lexical("raw", "tổ chức"), {}, 10);
      expect(raw).toHaveLength(2);
    });

    it("folds đ: 'đảng' folded finds text written without diacritics", async () => {
      const { store, tb } = await seeded(f);
      // The query is folded by the caller; "đảng" -> "dang" matches "dang ky" in the unaccented text.
      const hits = await store.searchLexical(lexical("folded", "dang"), {}, 10);
      const docs = await docOf(store, hits.map((h) => h.chunkId));
      expect(docs).toContain(tb);
      expect(hits.length).toBe(2); // "Đảng" in the KL and "dang" in the TB
    });

    it("orders by relevance (higher first) and honours the limit", async () => {
      const { store } = await seeded(f);
      const hits = await store.searchLexical(lexical("folded", "kinh", "te"), {}, 10);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const [top] = await store.getChunks([hits[0]!.chunkId]);
      expect(top!.text).toContain("kinh tế tư nhân"); // "kinh" twice, "tế" twice
      expect(await store.searchLexical(lexical("folded", "kinh", "te"), {}, 1)).toHaveLength(1);
    });

    it("filters by document ids and kinds", async () => {
      const { store, kl, tb } = await seeded(f);
      const onlyKl = await store.searchLexical(lexical("folded", "to chuc"), { docIds: [kl] }, 10);
      expect(await docOf(store, onlyKl.map((h) => h.chunkId))).toEqual([kl]);
      const onlyTb = await store.searchLexical(lexical("folded", "to chuc"), { kinds: ["thong_bao"] }, 10);
      expect(await docOf(store, onlyTb.map((h) => h.chunkId))).toEqual([tb]);
      expect(await store.searchLexical(lexical("folded", "to chuc"), { kinds: ["chi_thi"] }, 10)).toEqual([]);
      expect(await store.searchLexical(lexical("folded", "to chuc"), { docIds: [] }, 10)).toEqual([]);
    });

    it("gives the same hits and scores whichever plan a filter takes", async () => {
      const { store, kl } = await seeded(f);
      const extra: number[] = [];
      for (let i = 0; i < 17; i++) {
        const d = await store.saveDocument(makeDraft({ path: `/c/x${i}.txt`, kind: "chi_thi", items: [{ label: "1", text: `Văn bản phụ ${i} về tổ chức thực hiện.` }] }), []);
        extra.push(d.id);
      }
      const byRange = await store.searchLexical(lexical("folded", "to chuc", "kinh"), { docIds: [kl] }, 10);
      const byJoin = await store.searchLexical(lexical("folded", "to chuc", "kinh"), { kinds: ["ket_luan"] }, 10);
      expect(byRange.length).toBeGreaterThan(0);
      expect(byRange).toEqual(byJoin);
      const many = await store.searchLexical(lexical("folded", "to chuc"), { docIds: [kl, ...extra] }, 50); // > 16 documents: join plan
      expect(many).toHaveLength(18);
      expect((await docOf(store, many.map((h) => h.chunkId))).every((d) => d === kl || extra.includes(d))).toBe(true);
    });

    it("finds a pair only where its two syllables are neighbours, and ranks it above the syllables apart", async () => {
      const store = await f.open();
      await saveWithVectors(store, makeDraft({
        path: "/c/pairs.txt", items: [
          { label: "1", text: "Chế độ trợ cấp cho người có công." },
          { label: "2", text: "Cấp ủy hỗ trợ người dân các xã." },
          { label: "3", text: "Văn hoá và thể thao." },
        ],
      }));
      const textOf = async (hits: Array<{ chunkId: number }>) => (await store.getChunks(hits.map((h) => h.chunkId))).map((c) => c.text);
      expect(await textOf(await store.searchLexical(lexical("raw", "trợ cấp"), {}, 10))).toEqual(["Chế độ trợ cấp cho người có công."]);
      expect(await textOf(await store.searchLexical(lexical("folded", "tro cap"), {}, 10))).toEqual(["Chế độ trợ cấp cho người có công."]);
      // Reversed, the pair is another term: "cấp ... trợ" are not neighbours in that order anywhere.
      expect(await store.searchLexical(lexical("raw", "cấp trợ"), {}, 10)).toEqual([]);
      // Syllables and the pair in one query: both chunks hold both syllables, the one with the pair comes first.
      const both = await textOf(await store.searchLexical(lexical("raw", "trợ", "cấp", "trợ cấp"), {}, 10));
      expect(both).toEqual(["Chế độ trợ cấp cho người có công.", "Cấp ủy hỗ trợ người dân các xã."]);
    });

    it("searches each item as its tokens say, and nothing for an item without any", async () => {
      const { store, kl } = await seeded(f);
      const { id } = await saveWithVectors(store, makeDraft({ path: "/c/bc.txt", items: [{ label: "1", text: "Thực hiện Kết luận số 229-KL/TW." }] }));
      // "229-kl/tw" is three tokens: a phrase, found where they stand in that order: in the text that
      // writes it, and in both chunks of the conclusion it numbers (their head: store/lexical.ts chunkHead).
      const symbol = await store.searchLexical({ column: "folded", terms: ["229-kl/tw"], pairs: [] }, {}, 10);
      expect((await docOf(store, symbol.map((h) => h.chunkId))).sort()).toEqual([id, kl, kl].sort());
      expect(await store.searchLexical({ column: "folded", terms: [], pairs: [], phrases: ["tw kl 229"] }, {}, 10)).toEqual([]);
      expect(await docOf(store, (await store.searchLexical(lexical("folded", "so 229"), {}, 10)).map((h) => h.chunkId))).toEqual([id]);
      const phrase = await store.searchLexical({ column: "folded", terms: [], pairs: [], phrases: ["kinh te tu nhan"] }, {}, 10);
      expect(await docOf(store, phrase.map((h) => h.chunkId))).toEqual([kl]);
      expect(await store.searchLexical({ column: "folded", terms: ["—", "..."], pairs: [" "], phrases: [] }, {}, 10)).toEqual([]);
      expect(await store.searchLexical({ column: "folded", terms: [], pairs: [] }, {}, 10)).toEqual([]);
    });

    it("with candidates, ranks the chunks holding a rare item by every item, or all when too few hold one", async () => {
      const store = await f.open();
      await saveWithVectors(store, makeDraft({
        path: "/c/cand.txt", items: [
          { label: "1", text: "Trợ cấp tỉnh." },
          { label: "2", text: "Trợ cấp." },
          { label: "3", text: "Tỉnh báo cáo." },
          { label: "4", text: "Tỉnh báo cáo sớm." },
          { label: "5", text: "Tỉnh báo cáo muộn." },
          { label: "6", text: "Tỉnh báo cáo lại." },
          { label: "7", text: "Văn hoá." },
        ],
      }));
      // "cấp tỉnh" (1 chunk) and "trợ cấp" (2) are rare at a share of 0.3 of 7 chunks; the rest common.
      const query = lexical("raw", "tỉnh", "báo", "cáo", "báo cáo", "trợ cấp", "cấp tỉnh");
      const all = await store.searchLexical(query, {}, 10);
      expect(all).toHaveLength(6);
      const pruned = await store.searchLexical({ ...query, candidates: { share: 0.3, min: 2 } }, {}, 2);
      expect(pruned.map((h) => h.chunkId)).toEqual(all.slice(0, 2).map((h) => h.chunkId));
      pruned.forEach((h, i) => expect(h.score).toBeCloseTo(all[i]!.score, 9));
      // Fewer than `min` (or the limit) chunks hold a rare item: every chunk holding any item is ranked.
      expect(await store.searchLexical({ ...query, candidates: { share: 0.3, min: 3 } }, {}, 10)).toEqual(all);
      expect(await store.searchLexical({ ...query, candidates: { share: 0.3, min: 2 } }, {}, 10)).toEqual(all);
    });

    it("returns chunks with document, section label and offsets, in the order asked", async () => {
      const { store, kl } = await seeded(f);
      const [hit] = await store.searchLexical(lexical("raw", "kinh tế"), {}, 1);
      const [c] = await store.getChunks([hit!.chunkId, 999_999]);
      expect(c).toMatchObject({ docId: kl, docName: "kl.txt", sectionLabel: "2", section: 1 });
      expect(c!.docMeta.number).toBe("229-KL/TW");
      const doc = await store.getDocument(kl);
      expect(doc!.text.slice(c!.start, c!.end)).toBe(c!.text);
    });
  });

  describe(`vector search (${f.name})`, () => {
    it("returns cosine similarities, best first, with the closest chunk on top", async () => {
      const { store } = await seeded(f);
      const hits = await store.searchVector(await queryVector("chính sách phát triển kinh tế tư nhân"), {}, 4);
      expect(hits).toHaveLength(4);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores[0]!).toBeLessThanOrEqual(1.0001);
      const [top] = await store.getChunks([hits[0]!.chunkId]);
      expect(top!.text).toContain("kinh tế tư nhân");
    });

    it("filters inside the search and still fills k from the allowed chunks", async () => {
      const { store, kl, tb } = await seeded(f);
      const q = await queryVector("chính sách phát triển kinh tế tư nhân");
      const onlyTb = await store.searchVector(q, { docIds: [tb] }, 10);
      expect(onlyTb).toHaveLength(2);
      expect(new Set(await docOf(store, onlyTb.map((h) => h.chunkId)))).toEqual(new Set([tb]));
      const kinds = await store.searchVector(q, { kinds: ["ket_luan"] }, 10);
      expect(new Set(await docOf(store, kinds.map((h) => h.chunkId)))).toEqual(new Set([kl]));
      expect(await store.searchVector(q, { kinds: ["chi_thi"] }, 10)).toEqual([]);
    });

    it("rejects a query vector of another dimension", async () => {
      const { store } = await seeded(f);
      await expect(store.searchVector(new Float32Array(7), {}, 3)).rejects.toMatchObject({ code: "dimension_mismatch" });
    });
  });
}
