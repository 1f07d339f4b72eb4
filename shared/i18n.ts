// Path for bundlers that ignore package "exports" (Plasmo's Parcel): `@dialer/shared/i18n`.
export * from "./src/i18n"
