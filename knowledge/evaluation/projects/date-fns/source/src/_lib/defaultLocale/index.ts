export { enUS as defaultLocale } from "../../locale/en-US/index.ts";
