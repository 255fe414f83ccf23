// The import-to-plates checklist: ordered steps from Japan to plates, with forms, who files them and sources.
export { buildImportChecklist } from "./checklist.js";
export { CONFIRM_BROKER, CONFIRM_DMV } from "./confidence.js";
export type * from "./types.js";
