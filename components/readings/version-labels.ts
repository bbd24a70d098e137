// How a version's origin and a clause's status read on the readings pages.
export const TRIGGER_LABEL = {
  SAVED: "Saved by the chair",
  STATUS_CHANGED: "Status changed",
  DECIDED: "After decisions",
} as const;

export const STATUS_LABEL = { OPEN: "Open", AGREED_AD_REF: "Agreed ad referendum", AGREED: "Agreed" } as const;
