export * from "./errors";
export * from "./phone";
export * from "./state";
export * from "./api";
export * from "./ws";
export * from "./aircall";
export * from "./admin";
