/**
 * A "who" answer names a leader as the text does ("Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình"):
 * the registry's title alone ("Phó Thủ tướng Chính phủ") does not say which of several it is.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const dispatch = readFileSync(new URL("../fixtures/assignments/giao_pho_thu_tuong.txt", import.meta.url), "utf8");

const app = useSampleApp({ "cd301.txt": dispatch });

describe("a leader in a 'who' answer", () => {
  it("is named as the text names them, each Deputy Prime Minister apart", async () => {
    const roads = await app().answerer.ask("Ai được phân công chỉ đạo Bộ Xây dựng sửa chữa các tuyến quốc lộ bị sạt lở?");
    expect(roads.answer).toContain("Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình");
    const floods = await app().answerer.ask("Ai được giao trực tiếp chỉ đạo công tác khắc phục hậu quả mưa lũ?");
    expect(floods.answer).toContain("Phó Thủ tướng Chính phủ Trần Hồng Hà");
  });
});
