// The transaction meta by which the editor inserts a passage of agreed language: suggest mode
// stamps the entry's id on the new proposal's insertion mark as its `citation`.
export const CITATION_META = "agreedLanguageCitation";
