/** The row mappers store/pg/portable.ts reads the bot's rows with; the bot's tables are store/sql/bot-tables.ts. */
export { toAccess, toSubscription, type SubscriptionRow } from "../sql/bot-tables.js";
