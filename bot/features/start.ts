/** /start and /help: what the bot does, example questions as buttons, and the list of commands. */
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { answerAndReply } from "../answering.js";

/** Questions offered under /start; pressing one asks it. */
export const EXAMPLE_QUESTIONS = [
  "Ban Tổ chức Trung ương được giao những nhiệm vụ gì trong quý II/2026?",
  "Hạn chót tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cấp ủy viên là khi nào?",
  "Các đảng bộ trực thuộc Trung ương phải hoàn thành đại hội trong thời hạn nào?",
] as const;

/** The commands shown in Telegram's menu (setMyCommands), with Vietnamese descriptions. */
export const BOT_COMMANDS = [
  { command: "hoi", description: "Đặt câu hỏi về nhiệm vụ trong văn bản" },
  { command: "nhiemvu", description: "Nhiệm vụ của một cơ quan: /nhiemvu btctw q2/2026" },
  { command: "hanchot", description: "Nhiệm vụ sắp đến hạn và quá hạn: /hanchot 14" },
  { command: "quahan", description: "Nhiệm vụ quá hạn chưa hoàn thành: /quahan btctw" },
  { command: "tiendo", description: "Tiến độ hoàn thành theo cơ quan: /tiendo btctw q2/2026" },
  { command: "xuat", description: "Xuất bảng nhiệm vụ (Excel) và lịch hạn (.ics): /xuat btctw q2/2026" },
  { command: "vanban", description: "Danh sách văn bản hoặc thẻ một văn bản: /vanban 002_f51bd1bc98d5fad9" },
  { command: "theodoi", description: "Nhận bản tin hạn nhiệm vụ: /theodoi btctw hằng ngày 07:30" },
  { command: "dangtheodoi", description: "Các bản tin đang theo dõi" },
  { command: "huytheodoi", description: "Hủy nhận bản tin" },
  { command: "help", description: "Hướng dẫn sử dụng" },
  { command: "start", description: "Giới thiệu bot" },
];

const INTRO =
  "Xin chào! Tôi trả lời câu hỏi về <b>các nhiệm vụ được giao</b> trong văn bản của Đảng và Nhà nước " +
  "(kết luận, nghị quyết, chỉ thị, thông báo...): ai chủ trì, ai phối hợp, hạn khi nào. " +
  "Mỗi câu trả lời đều ghi rõ văn bản, mục và <b>trích dẫn nguyên văn</b>.\n\n" +
  "Hãy gõ câu hỏi, hoặc bấm một ví dụ dưới đây. Gõ /help để xem các lệnh.";

function helpText(admin: boolean): string {
  const lines = [
    "<b>Cách dùng</b>",
    "• Gõ câu hỏi trực tiếp (trong nhóm: nhắc @tên_bot hoặc trả lời tin nhắn của bot), hoặc /hoi CÂU_HỎI",
    "• /nhiemvu CƠ_QUAN [THỜI_KỲ] — nhiệm vụ của một cơ quan, ví dụ <code>/nhiemvu btctw q2/2026</code>",
    "• /hanchot [SỐ_NGÀY] — nhiệm vụ đến hạn trong số ngày tới và nhiệm vụ đã quá hạn",
    "• /quahan [CƠ_QUAN] — nhiệm vụ đã quá hạn mà chưa hoàn thành, cũ nhất trước",
    "• /tiendo [CƠ_QUAN] [THỜI_KỲ] — số nhiệm vụ, đã hoàn thành, trễ hạn, quá hạn và tỉ lệ hoàn thành, kèm biểu đồ",
    "• /xuat [CƠ_QUAN] [THỜI_KỲ] — bảng nhiệm vụ và trạng thái (Excel) cùng lịch hạn (.ics cho Outlook, Google Calendar)",
    "• Dưới mỗi nhiệm vụ của /nhiemvu: ✅ Hoàn thành, ⏳ Đang làm, 📝 Ghi chú (quản trị viên và người phụ trách của cơ quan)",
    "• /vanban [SỐ_HIỆU] — danh sách văn bản, hoặc thẻ một văn bản theo số hiệu hay tên tệp (<code>/vanban 002_f51bd1bc98d5fad9</code>)",
    "• /theodoi [CƠ_QUAN] [hằng ngày|hằng tuần] [HH:MM] — nhận bản tin nhiệm vụ quá hạn, sắp đến hạn và nhiệm vụ mới; /dangtheodoi, /huytheodoi",
    "• Chế độ inline: gõ <code>@tên_bot btctw q2/2026</code> trong bất kỳ cuộc trò chuyện nào",
    "Dưới mỗi câu trả lời: 📖 Nguyên văn (toàn văn mục được trích), Xem thêm, 👍/👎 để góp ý.",
  ];
  if (admin) {
    lines.push(
      "",
      "<b>Quản trị viên</b>",
      "• Gửi tệp PDF, DOCX, TXT, MD, HTML để nạp văn bản",
      "• /xoa SỐ_HIỆU — xóa một văn bản",
      "• /cap_quyen ID, /thu_hoi ID, /quyen — quản lý quyền truy cập",
      "• /phutrach CƠ_QUAN USER_ID — cho người dùng cập nhật trạng thái nhiệm vụ của cơ quan; /phutrach — danh sách",
      "• /dexuat SỐ_HIỆU — đề xuất đánh dấu hoàn thành các nhiệm vụ mà văn bản báo cáo đã xong (xác nhận bằng nút)",
    );
  }
  return lines.join("\n");
}

export function startFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command("start", async (ctx) => {
    const kb = new InlineKeyboard();
    EXAMPLE_QUESTIONS.forEach((q, i) => kb.text(q, `ex:${i}`).row());
    await ctx.reply(INTRO, { parse_mode: "HTML", reply_markup: kb });
  });
  c.command("help", async (ctx) => {
    await ctx.reply(helpText(ctx.access.admin), { parse_mode: "HTML" });
  });
  c.callbackQuery(/^ex:(\d+)$/, async (ctx) => {
    const question = EXAMPLE_QUESTIONS[Number(ctx.match[1])];
    await ctx.answerCallbackQuery();
    if (!question) return;
    if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, `❓ ${question}`);
    await answerAndReply(ctx, deps, { question });
  });
  return c;
}
